package dev.jamfmcp.tools;

import dev.jamfmcp.tools.chatgpt.ChatGptTools;
import dev.jamfmcp.tools.devices.DeviceTools;
import dev.jamfmcp.tools.mobile.MobileTools;
import dev.jamfmcp.tools.prompts.JamfPrompts;
import dev.jamfmcp.tools.resources.JamfResources;

/**
 * The one list of feature packages. A new feature package adds one line here: its tools,
 * resources and prompts, each tool under its toolset.
 */
final class ToolCatalogs {
  private ToolCatalogs() {}

  static void addAll(JamfTools.Catalog catalog, ToolSupport support) {
    DeviceTools.register(catalog, support);
    MobileTools.register(catalog, support);
    ChatGptTools.register(catalog, support);
    JamfResources.register(catalog, support);
    JamfPrompts.register(catalog);
  }
}

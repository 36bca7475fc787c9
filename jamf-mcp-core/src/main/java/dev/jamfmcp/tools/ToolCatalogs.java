package dev.jamfmcp.tools;

import dev.jamfmcp.tools.chatgpt.ChatGptTools;
import dev.jamfmcp.tools.devices.DeviceTools;
import dev.jamfmcp.tools.groups.GroupTools;
import dev.jamfmcp.tools.inventory.InventoryTools;
import dev.jamfmcp.tools.mdm.MdmTools;
import dev.jamfmcp.tools.mobile.MobileTools;
import dev.jamfmcp.tools.patch.PatchTools;
import dev.jamfmcp.tools.policies.PolicyTools;
import dev.jamfmcp.tools.prestages.PrestageTools;
import dev.jamfmcp.tools.profiles.ProfileTools;
import dev.jamfmcp.tools.prompts.JamfPrompts;
import dev.jamfmcp.tools.resources.JamfResources;
import dev.jamfmcp.tools.scripts.ScriptTools;
import dev.jamfmcp.tools.secrets.SecretTools;
import dev.jamfmcp.tools.software.SoftwareTools;
import dev.jamfmcp.tools.support.Catalog;
import dev.jamfmcp.tools.support.ToolSupport;
import dev.jamfmcp.tools.updates.UpdateTools;

/**
 * The one list of feature packages. A new feature package adds one line here: its tools, resources
 * and prompts, each tool under its toolset.
 */
final class ToolCatalogs {
  private ToolCatalogs() {}

  static void addAll(Catalog catalog, ToolSupport support) {
    DeviceTools.register(catalog, support);
    MobileTools.register(catalog, support);
    ChatGptTools.register(catalog, support);
    PolicyTools.register(catalog, support);
    ScriptTools.register(catalog, support);
    ProfileTools.register(catalog, support);
    GroupTools.register(catalog, support);
    MdmTools.register(catalog, support);
    PatchTools.register(catalog, support);
    InventoryTools.register(catalog, support);
    SoftwareTools.register(catalog, support);
    SecretTools.register(catalog, support);
    PrestageTools.register(catalog, support);
    UpdateTools.register(catalog, support);
    JamfResources.register(catalog, support);
    JamfPrompts.register(catalog);
  }
}

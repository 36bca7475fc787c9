package dev.jamfmcp.tools;

/**
 * The one list of feature packages. A new feature package adds one line here: its tools,
 * resources and prompts, each tool under its toolset.
 */
final class ToolCatalogs {
  private ToolCatalogs() {}

  static void addAll(JamfTools.Catalog catalog, ToolSupport support) {
    dev.jamfmcp.tools.devices.DeviceTools.register(catalog, support);
  }
}

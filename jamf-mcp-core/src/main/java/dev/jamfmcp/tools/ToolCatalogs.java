package dev.jamfmcp.tools;

/**
 * The one list of feature packages. A new feature package adds one line here: its tools, resources
 * and prompts, each tool under its toolset.
 */
final class ToolCatalogs {
  private ToolCatalogs() {}

  static void addAll(JamfTools.Catalog catalog, ToolSupport support) {
    // feature packages register here, e.g. DeviceTools.register(catalog, support);
    dev.jamfmcp.tools.policies.PolicyTools.register(catalog, support);
    dev.jamfmcp.tools.scripts.ScriptTools.register(catalog, support);
    dev.jamfmcp.tools.profiles.ProfileTools.register(catalog, support);
    dev.jamfmcp.tools.groups.GroupTools.register(catalog, support);
    dev.jamfmcp.tools.mdm.MdmTools.register(catalog, support);
    dev.jamfmcp.tools.patch.PatchTools.register(catalog, support);
  }
}

package dev.jamfmcp.tools.updates;

import dev.jamfmcp.tools.Toolset;
import dev.jamfmcp.tools.support.Catalog;
import dev.jamfmcp.tools.support.ToolSupport;

/** getSoftwareUpdateStatus and createSoftwareUpdatePlan: managed software updates. */
public final class UpdateTools {
  private UpdateTools() {}

  public static void register(Catalog catalog, ToolSupport support) {
    catalog.tool(Toolset.UPDATES, new SoftwareUpdateStatus(support).tool());
    catalog.tool(Toolset.UPDATES, new CreateSoftwareUpdatePlan(support).tool());
  }
}

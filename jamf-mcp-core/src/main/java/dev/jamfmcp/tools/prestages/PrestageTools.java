package dev.jamfmcp.tools.prestages;

import dev.jamfmcp.tools.Toolset;
import dev.jamfmcp.tools.support.Catalog;
import dev.jamfmcp.tools.support.ToolSupport;

/** assignPrestage: which devices a PreStage enrollment (Automated Device Enrollment) holds. */
public final class PrestageTools {
  private PrestageTools() {}

  public static void register(Catalog catalog, ToolSupport support) {
    catalog.tool(Toolset.ENROLLMENT, new AssignPrestage(support).tool());
  }
}

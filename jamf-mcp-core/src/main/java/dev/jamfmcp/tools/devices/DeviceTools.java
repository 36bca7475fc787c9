package dev.jamfmcp.tools.devices;

import dev.jamfmcp.tools.Toolset;
import dev.jamfmcp.tools.support.Catalog;
import dev.jamfmcp.tools.support.ToolSupport;

/**
 * The computer tools: search, details, check-in compliance, the compliance baseline, fleet
 * overview, security posture.
 */
public final class DeviceTools {
  private DeviceTools() {}

  public static void register(Catalog catalog, ToolSupport support) {
    OrgDirectory org = new OrgDirectory(support.jamf(), support.clock());
    ComputerResolver resolver = new ComputerResolver(support.jamf());
    catalog
        .tool(Toolset.DEVICES, SearchDevices.tool(support, org))
        .tool(Toolset.DEVICES, DeviceDetails.tool(support, org, resolver))
        .tool(Toolset.DEVICES, ComplianceReport.tool(new ComplianceReport(support, org)))
        .tool(Toolset.DEVICES, BaselineCompliance.tool(new BaselineCompliance(support, org)))
        .tool(Toolset.DEVICES, FleetOverview.tool(new FleetOverview(support, org)))
        .tool(Toolset.DEVICES, SecurityPosture.tool(new SecurityPosture(support, org)));
  }
}

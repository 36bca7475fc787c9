package dev.jamfmcp.jamf.computers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A computer from the inventory (ComputerInventoryV3). Ids are strings. A section is null when it
 * was not requested.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Computer(
    String id,
    String udid,
    ComputerGeneral general,
    ComputerHardware hardware,
    ComputerOperatingSystem operatingSystem,
    ComputerUserAndLocation userAndLocation,
    List<ComputerGroupMembership> groupMemberships,
    ComputerSecurity security,
    ComputerDiskEncryption diskEncryption) {}

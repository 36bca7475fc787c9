package dev.jamfmcp.simulator.fleet;

import java.util.List;

/** A script as the Jamf Pro API returns it; {@code parameters} holds parameter4..parameter11. */
public record Script(
    int id,
    String name,
    String info,
    String notes,
    String priority,
    int categoryId,
    String categoryName,
    List<String> parameters,
    String osRequirements,
    String scriptContents) {}

package dev.jamfmcp.jamf.scripts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A script ({@code /api/v1/scripts}). Parameters 4 to 11 are the labels of the script's arguments.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Script(
    String id,
    String name,
    String categoryId,
    String categoryName,
    String info,
    String notes,
    String priority,
    String osRequirements,
    String parameter4,
    String parameter5,
    String parameter6,
    String parameter7,
    String parameter8,
    String parameter9,
    String parameter10,
    String parameter11,
    String scriptContents) {}

package dev.jamfmcp.jamf.patch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A patch software title configuration ({@code /api/v3/patch-software-title-configurations}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatchTitle(
    String id,
    String displayName,
    String softwareTitleId,
    String softwareTitleName,
    String softwareTitlePublisher,
    String categoryId,
    String siteId,
    Boolean jamfOfficial) {}

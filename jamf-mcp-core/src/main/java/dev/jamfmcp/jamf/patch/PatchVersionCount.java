package dev.jamfmcp.jamf.patch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One version of a patch title and how many computers run it ({@code patch-summary/versions}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatchVersionCount(String absoluteOrderId, String version, int onVersion) {}

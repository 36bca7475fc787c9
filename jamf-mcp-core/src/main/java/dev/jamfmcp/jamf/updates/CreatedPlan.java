package dev.jamfmcp.jamf.updates;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One plan Jamf created: its device and plan id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreatedPlan(PlanDevice device, String planId, String href) {}

package dev.jamfmcp.jamf.updates;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Whether managed software update plans are switched on in Jamf Pro ({@code toggle}); with it off,
 * Jamf Pro neither lists nor creates plans. The other flags say which plan options it allows.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateFeatureToggle(
    boolean toggle,
    Boolean forceInstallLocalDateEnabled,
    Boolean customVersionEnabled,
    Boolean dssEnabled,
    Boolean recipeEnabled) {}

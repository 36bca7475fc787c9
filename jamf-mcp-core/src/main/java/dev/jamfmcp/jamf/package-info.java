/**
 * A client for the Jamf Pro API and the Classic API.
 *
 * <p>Start at {@link dev.jamfmcp.jamf.JamfClient}: build one per Jamf Pro instance, then use its
 * typed operations ({@code computers()}, {@code mobileDevices()}, {@code policies()}, ...). Lists
 * are {@link dev.jamfmcp.jamf.Listing}s shaped by a {@link dev.jamfmcp.jamf.ListQuery} with an
 * {@link dev.jamfmcp.jamf.Rsql} filter; failures are {@link dev.jamfmcp.jamf.JamfException}s.
 * Everything under {@code .internal} may change without notice.
 */
package dev.jamfmcp.jamf;

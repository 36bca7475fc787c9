/**
 * Managed software updates: OS update plans (Jamf Pro's declarative update flow), their feature
 * toggle, the devices' update statuses and the OS versions Apple offers. Obtain from {@code
 * JamfClient.softwareUpdates()}.
 */
package dev.jamfmcp.jamf.updates;

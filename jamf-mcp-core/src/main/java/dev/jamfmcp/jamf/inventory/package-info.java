/**
 * The objects an admin reads beside the devices: packages, sites, end users, PreStage enrollments,
 * extension attributes, App Store apps, mobile device groups, smart group criteria, device history
 * and the applications installed on each Mac. Obtain from {@code JamfClient.inventory()}.
 */
package dev.jamfmcp.jamf.inventory;

package dev.jamfmcp.jamf.mobile;

/** Sections of {@code /api/v2/mobile-devices/detail}. */
public enum MobileDeviceSection {
  GENERAL,
  HARDWARE,
  USER_AND_LOCATION,
  PURCHASING,
  SECURITY,
  APPLICATIONS,
  EBOOKS,
  NETWORK,
  SERVICE_SUBSCRIPTIONS,
  CERTIFICATES,
  PROFILES,
  USER_PROFILES,
  PROVISIONING_PROFILES,
  SHARED_USERS,
  GROUPS,
  EXTENSION_ATTRIBUTES
}

package dev.jamfmcp.jamf.updates;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a new plan does ({@code PlanConfigurationPost}). {@code specificVersion} only with {@link
 * VersionType#SPECIFIC_VERSION}; {@code maxDeferrals} is required by {@link
 * UpdateAction#DOWNLOAD_INSTALL_ALLOW_DEFERRAL}; {@code forceInstallLocalDateTime} ({@code
 * 2026-12-25T21:09:31}, the device's local time) is optional.
 */
public record PlanConfig(
    UpdateAction updateAction,
    VersionType versionType,
    String specificVersion,
    Integer maxDeferrals,
    String forceInstallLocalDateTime) {
  public PlanConfig {
    Objects.requireNonNull(updateAction, "updateAction");
    Objects.requireNonNull(versionType, "versionType");
    if ((versionType == VersionType.SPECIFIC_VERSION) != (specificVersion != null)) {
      throw new IllegalArgumentException(
          "specificVersion goes with versionType SPECIFIC_VERSION, and only with it");
    }
    if (updateAction == UpdateAction.DOWNLOAD_INSTALL_ALLOW_DEFERRAL && maxDeferrals == null) {
      throw new IllegalArgumentException("DOWNLOAD_INSTALL_ALLOW_DEFERRAL needs maxDeferrals");
    }
    if (maxDeferrals != null && maxDeferrals < 0) {
      throw new IllegalArgumentException("maxDeferrals must be >= 0");
    }
  }

  /** What Jamf plans to do ({@code updateAction}), as the 11.30.1 schema spells it. */
  public enum UpdateAction {
    DOWNLOAD_ONLY,
    DOWNLOAD_INSTALL,
    DOWNLOAD_INSTALL_ALLOW_DEFERRAL,
    DOWNLOAD_INSTALL_RESTART,
    DOWNLOAD_INSTALL_SCHEDULE
  }

  /** Which version the plan targets ({@code versionType}). */
  public enum VersionType {
    LATEST_MAJOR,
    LATEST_MINOR,
    LATEST_ANY,
    SPECIFIC_VERSION
  }

  /** On the wire: absent options are left out. */
  Map<String, Object> wire() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("updateAction", updateAction.name());
    config.put("versionType", versionType.name());
    if (specificVersion != null) {
      config.put("specificVersion", specificVersion);
    }
    if (maxDeferrals != null) {
      config.put("maxDeferrals", maxDeferrals);
    }
    if (forceInstallLocalDateTime != null) {
      config.put("forceInstallLocalDateTime", forceInstallLocalDateTime);
    }
    return config;
  }
}

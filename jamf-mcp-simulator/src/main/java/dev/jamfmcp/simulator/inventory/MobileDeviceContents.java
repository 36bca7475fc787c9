package dev.jamfmcp.simulator.inventory;

import dev.jamfmcp.simulator.fleet.ConfigProfile;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import java.util.ArrayList;
import java.util.List;

/**
 * What is installed on each simulated iPhone, iPad and Apple TV: apps, certificates and
 * configuration profiles, a pure function of the device (no state), so the detail endpoint and
 * tests agree. Apple TVs carry fewer apps; an unmanaged device has lost its managed profiles and
 * the MDM identity certificate with them.
 */
public final class MobileDeviceContents {
  /** An installed app (MobileDeviceApplication). */
  public record App(String identifier, String name, String version) {}

  /** An installed certificate (MobileDeviceCertificateV2); expiry in epoch milliseconds. */
  public record Certificate(
      String commonName, boolean identity, long expiresMillis, String status) {}

  /** An installed profile (ConfigurationProfile). */
  public record Profile(String displayName, String uuid, String identifier) {}

  private static final List<App> BUILT_IN =
      List.of(
          new App("com.apple.mobilesafari", "Safari", "26.1"),
          new App("com.apple.mobilemail", "Mail", "26.1"),
          new App("com.apple.camera", "Camera", "26.1"));

  private final Fleet fleet;
  private final AdminObjects objects;

  public MobileDeviceContents(Fleet fleet) {
    this.fleet = fleet;
    this.objects = AdminObjects.of(fleet);
  }

  public List<App> apps(MobileDevice d) {
    if (d.appleTv()) {
      return List.of(new App("com.apple.TVWatchList", "TV", d.osVersion()));
    }
    List<App> apps = new ArrayList<>(BUILT_IN);
    for (AdminObjects.App a : objects.mobileApps()) {
      if (Math.floorMod(mix(d.id(), a.id()), 4L) != 0) {
        apps.add(new App(a.bundleId(), a.name(), a.version()));
      }
    }
    return apps;
  }

  public List<Certificate> certificates(MobileDevice d) {
    long year = 365L * 24 * 3600 * 1000;
    List<Certificate> certs = new ArrayList<>();
    certs.add(new Certificate("Acme Root CA", false, d.enrolledMillis() + 10 * year, "ISSUED"));
    if (d.managed()) {
      certs.add(new Certificate(d.udid(), true, d.mdmProfileExpirationMillis(), "ISSUED"));
      if (!d.appleTv()) {
        certs.add(
            new Certificate("Acme Wi-Fi " + d.id(), true, d.enrolledMillis() + year, "ISSUED"));
      }
    }
    return certs;
  }

  public List<Profile> profiles(MobileDevice d) {
    List<Profile> profiles = new ArrayList<>();
    profiles.add(
        new Profile(
            "MDM Profile",
            "00000000-0000-4000-8000-" + String.format("%012d", d.id()),
            "com.jamfsoftware.mdm"));
    if (!d.managed()) {
      return List.of();
    }
    for (ConfigProfile p : fleet.mobileProfiles()) {
      if (Math.floorMod(mix(d.id(), 100 + p.id()), 3L) != 0) {
        profiles.add(new Profile(p.name(), p.uuid(), p.payloadIdentifier()));
      }
    }
    return profiles;
  }

  private static long mix(long a, long b) {
    long x = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL;
    x ^= x >>> 31;
    x *= 0xBF58476D1CE4E5B9L;
    return x ^ (x >>> 29);
  }
}

package dev.jamfmcp.simulator.updates;

import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Managed software update plans and the update statuses devices report, consistent with the fleet:
 * a plan's outcome follows from its device (unmanaged: {@code NOT_MANAGED}; unsupervised iPhone:
 * {@code NOT_SUPERVISED}; Apple silicon without an escrowed bootstrap token: {@code
 * APPLE_SILICON_NO_ESCROW_KEY}; a target below the installed version: {@code
 * DOWNGRADE_NOT_SUPPORTED}; a version Apple does not offer: {@code SPECIFIC_VERSION_UNAVAILABLE}),
 * and the inventory's OS version never changes, so an accepted plan stays scheduled (declarative on
 * macOS 14 / iOS 17 and later, MDM commands before). Every tenth device (id ending in 3) already
 * has a plan from the last days, a few of them failed for lack of disk space. The feature toggle is
 * on until switched off.
 */
public final class UpdatePlans {
  private static final Duration DOWNLOAD_TIME = Duration.ofHours(12);

  private final Fleet fleet;
  private final Supplier<Instant> now;
  private boolean enabled = true;
  private List<SimPlan> plans;
  private int created;

  public UpdatePlans(Fleet fleet, Supplier<Instant> now) {
    this.fleet = fleet;
    this.now = now;
  }

  /** What a new plan asks for. */
  public record Config(
      String updateAction,
      String versionType,
      String specificVersion,
      Integer maxDeferrals,
      String forceInstallLocalDateTime) {}

  /** One device's reported update status, derived from its newest plan. */
  public record Status(
      int id,
      SimPlan plan,
      double percent,
      boolean downloaded,
      String status,
      Integer deferralsRemaining,
      Instant updated) {
    public String productKey() {
      return (plan.objectType().equals("COMPUTER") ? "macOSUpdate" : "iOSUpdate")
          + plan.targetBuild();
    }
  }

  public synchronized boolean enabled() {
    return enabled;
  }

  public synchronized void enabled(boolean value) {
    enabled = value;
  }

  /** Every plan, oldest first. */
  public synchronized List<SimPlan> all() {
    return List.copyOf(seeded());
  }

  public synchronized Optional<SimPlan> find(String uuid) {
    return seeded().stream().filter(p -> p.uuid().equalsIgnoreCase(uuid)).findFirst();
  }

  /** True when the device exists in the fleet. */
  public boolean exists(String objectType, int deviceId) {
    return objectType.equals("COMPUTER")
        ? fleet.computers().rowOf(deviceId) >= 0
        : fleet.mobileDevice(deviceId).isPresent();
  }

  /** Stores a plan for an existing device and returns it, its outcome decided by the device. */
  public synchronized SimPlan create(
      String objectType, int deviceId, Config config, String groupKey) {
    List<SimPlan> all = seeded();
    boolean busy =
        all.stream()
            .anyMatch(
                p ->
                    p.objectType().equals(objectType)
                        && p.deviceId() == deviceId
                        && p.inProgress());
    String uuid =
        UUID.nameUUIDFromBytes(
                ("plan-" + fleet.seed() + "-" + (++created)).getBytes(StandardCharsets.UTF_8))
            .toString()
            .toUpperCase(java.util.Locale.ROOT);
    SimPlan plan = plan(uuid, objectType, deviceId, config, groupKey, now.get(), false, busy);
    all.add(plan);
    return plan;
  }

  /** The newest plan's status of every device that received one, in plan order. */
  public synchronized List<Status> statuses() {
    Map<String, String> newest = new HashMap<>();
    for (SimPlan p : seeded()) {
      newest.put(p.objectType() + ":" + p.deviceId(), p.uuid());
    }
    List<Status> out = new ArrayList<>();
    Instant at = now.get();
    int index = 0;
    for (SimPlan p : seeded()) {
      index++;
      if (!p.uuid().equals(newest.get(p.objectType() + ":" + p.deviceId()))) {
        continue;
      }
      Status status = status(index, p, at);
      if (status != null) {
        out.add(status);
      }
    }
    return out;
  }

  private static Status status(int id, SimPlan p, Instant at) {
    boolean scheduled = p.state().endsWith("PlanScheduled");
    boolean noSpace = p.errorReasons().contains("NO_DISK_SPACE");
    if (!scheduled && !noSpace && !p.state().equals("PlanCompleted")) {
      return null; // the plan never reached the device
    }
    Integer remaining = null;
    if (p.maxDeferrals() != null && p.updateAction().equals("DOWNLOAD_INSTALL_ALLOW_DEFERRAL")) {
      long days = Duration.between(p.created(), at).toDays();
      remaining = (int) Math.max(0, p.maxDeferrals() - Math.max(0, days));
    }
    if (!scheduled) {
      return new Status(
          id,
          p,
          0,
          false,
          noSpace ? "DOWNLOAD_INSUFFICIENT_SPACE" : "IDLE",
          remaining,
          p.created().plus(Duration.ofHours(1)));
    }
    long elapsed = Math.max(0, Duration.between(p.created(), at).toMinutes());
    double percent = Math.min(1.0, elapsed / (double) DOWNLOAD_TIME.toMinutes());
    percent = Math.round(percent * 100) / 100.0;
    boolean downloaded = percent >= 1.0;
    Instant updated = downloaded ? p.created().plus(DOWNLOAD_TIME) : at;
    return new Status(
        id, p, percent, downloaded, downloaded ? "IDLE" : "DOWNLOADING", remaining, updated);
  }

  private List<SimPlan> seeded() {
    if (plans == null) {
      plans = new ArrayList<>();
      Config config = new Config("DOWNLOAD_INSTALL_ALLOW_DEFERRAL", "LATEST_MINOR", null, 5, null);
      Computers c = fleet.computers();
      for (int row = 0; row < c.size(); row++) {
        int id = c.id(row);
        if (id % 10 == 3) {
          plans.add(seededPlan("COMPUTER", id, config));
        }
      }
      for (MobileDevice m : fleet.mobileDevices()) {
        if (m.id() % 10 == 3) {
          plans.add(seededPlan("MOBILE_DEVICE", m.id(), config));
        }
      }
    }
    return plans;
  }

  private SimPlan seededPlan(String objectType, int id, Config config) {
    String uuid =
        UUID.nameUUIDFromBytes(
                ("seeded-" + fleet.seed() + "-" + objectType + "-" + id)
                    .getBytes(StandardCharsets.UTF_8))
            .toString()
            .toUpperCase(java.util.Locale.ROOT);
    Instant at = fleet.now().minus(Duration.ofDays(id % 5 + 1L));
    return plan(uuid, objectType, id, config, null, at, true, false);
  }

  private SimPlan plan(
      String uuid,
      String objectType,
      int deviceId,
      Config config,
      String groupKey,
      Instant at,
      boolean seeded,
      boolean busy) {
    boolean computer = objectType.equals("COMPUTER");
    boolean managed;
    boolean supervised;
    String current;
    boolean appleSilicon = false;
    String bootstrap = null;
    if (computer) {
      Computers c = fleet.computers();
      int row = c.rowOf(deviceId);
      managed = c.managed(row);
      supervised = c.supervised(row);
      current = c.os(row).version();
      appleSilicon = c.model(row).appleSilicon();
      bootstrap = c.bootstrapTokenEscrowedStatus(row);
    } else {
      MobileDevice m = fleet.mobileDevice(deviceId).orElseThrow();
      managed = true;
      supervised = m.supervised();
      current = m.osVersion();
    }
    Map<String, String> offered = computer ? OsCatalog.MACOS : OsCatalog.IOS;
    String target = null;
    String failure = null;
    if (!managed) {
      failure = "NOT_MANAGED";
    } else if (!computer && !supervised) {
      failure = "NOT_SUPERVISED";
    } else if (busy) {
      failure = "EXISTING_PLAN_FOR_DEVICE_IN_PROGRESS";
    } else {
      target = target(config, current, offered);
      if (target == null) {
        failure =
            config.versionType().equals("SPECIFIC_VERSION")
                ? "SPECIFIC_VERSION_UNAVAILABLE"
                : "NO_UPDATES_AVAILABLE";
      } else if (OsCatalog.compare(target, current) < 0) {
        failure = "DOWNGRADE_NOT_SUPPORTED";
      } else if (OsCatalog.compare(target, current) == 0 && !seeded) {
        failure = "NO_UPDATES_AVAILABLE";
      } else if (computer
          && appleSilicon
          && !config.updateAction().equals("DOWNLOAD_ONLY")
          && !"ESCROWED".equals(bootstrap)) {
        failure = "APPLE_SILICON_NO_ESCROW_KEY";
      } else if (seeded && deviceId % 30 == 13) {
        failure = "NO_DISK_SPACE";
      }
    }
    String state;
    if (failure != null) {
      state = "PlanFailed";
    } else if (OsCatalog.compare(target, current) == 0) {
      state = "PlanCompleted";
    } else {
      state =
          OsCatalog.major(current) >= (computer ? 14 : 17)
              ? "DDMPlanScheduled"
              : "MDMPlanScheduled";
    }
    return new SimPlan(
        uuid,
        objectType,
        deviceId,
        config.updateAction(),
        config.versionType(),
        config.specificVersion(),
        config.maxDeferrals(),
        config.forceInstallLocalDateTime(),
        state,
        failure == null ? List.of() : List.of(failure),
        at,
        groupKey,
        target,
        target == null ? null : offered.get(target));
  }

  private static String target(Config config, String current, Map<String, String> offered) {
    List<String> versions = List.copyOf(offered.keySet());
    return switch (config.versionType()) {
      case "SPECIFIC_VERSION" ->
          offered.containsKey(config.specificVersion()) ? config.specificVersion() : null;
      case "LATEST_MINOR" ->
          versions.stream()
              .filter(v -> OsCatalog.major(v) == OsCatalog.major(current))
              .findFirst()
              .orElse(null);
      default -> versions.get(0);
    };
  }
}

package dev.jamfmcp.tools.devices;

import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import dev.jamfmcp.simulator.rsql.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The default baseline evaluated straight on the simulator's fleet (no HTTP, no tool code): what
 * checkComplianceBaseline must count. 0 = pass, 1 = fail, 2 = unknown.
 */
final class BaselineTruth {
  static final long DAY = Duration.ofDays(1).toMillis();
  private static final List<String> FAIL_OR_UNKNOWN_SIP = List.of("NOT_COLLECTED", "NOT_AVAILABLE");

  /** compliant, failing, unknown over the computers. */
  static long[] computers(Fleet fleet, Instant at) {
    Computers c = fleet.computers();
    long now = at.toEpochMilli();
    long[] out = new long[3];
    for (int r = 0; r < c.size(); r++) {
      int[] checks = {
        age(c.lastContactMillis(r), now),
        age(c.reportDateMillis(r), now),
        c.os(r).major() >= 14 ? 0 : 1,
        c.fileVault2Status(r) == null ? 2 : c.fileVault2Enabled(r) ? 0 : 1,
        "ENABLED".equals(c.sipStatus(r)) ? 0 : FAIL_OR_UNKNOWN_SIP.contains(c.sipStatus(r)) ? 2 : 1,
        "DISABLED".equals(c.gatekeeperStatus(r))
            ? 1
            : "NOT_COLLECTED".equals(c.gatekeeperStatus(r)) ? 2 : 0,
        !c.firewallCollected(r) ? 2 : c.firewallEnabled(r) ? 0 : 1,
        mdm(c.managed(r), c.mdmProfileExpirationMillis(r), now),
        c.bootstrapTokenEscrowedStatus(r) == null
            ? 2
            : switch (c.bootstrapTokenEscrowedStatus(r)) {
              case "ESCROWED" -> 0;
              case "NOT_ESCROWED" -> 1;
              default -> 2;
            }
      };
      out[verdict(checks)]++;
    }
    return out;
  }

  static long[] mobile(Fleet fleet, Instant at) {
    long now = at.toEpochMilli();
    long[] out = new long[3];
    for (MobileDevice d : fleet.mobileDevices()) {
      int[] checks = {
        age(d.lastContactMillis(), now),
        age(d.lastInventoryMillis(), now),
        // an Apple TV runs tvOS: no iOS minimum applies (unknown)
        d.appleTv() ? 2 : BaselineCompliance.atLeast(d.osVersion(), "18.0") ? 0 : 1,
        mdm(d.managed(), d.mdmProfileExpirationMillis(), now),
        d.supervised() ? 0 : 1
      };
      out[verdict(checks)]++;
    }
    return out;
  }

  private static int age(long millis, long now) {
    return millis == Field.NULL ? 1 : (now - millis) / DAY < 30 ? 0 : 1;
  }

  private static int mdm(boolean managed, long expires, long now) {
    if (!managed) {
      return 1;
    }
    if (expires == Field.NULL) {
      return 2;
    }
    return Math.floorDiv(expires - now, DAY) >= 30 ? 0 : 1;
  }

  /** 0 compliant, 1 failing, 2 unknown. */
  private static int verdict(int[] checks) {
    boolean unknown = false;
    for (int check : checks) {
      if (check == 1) {
        return 1;
      }
      unknown |= check == 2;
    }
    return unknown ? 2 : 0;
  }

  private BaselineTruth() {}
}

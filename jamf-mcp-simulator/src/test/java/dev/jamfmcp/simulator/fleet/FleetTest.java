package dev.jamfmcp.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FleetTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void sameSeedSameFleet() {
    Fleet a = Fleet.generate(7, 400, 30, NOW);
    Fleet b = Fleet.generate(7, 400, 30, NOW);
    Computers ca = a.computers();
    Computers cb = b.computers();
    for (int row = 0; row < 400; row++) {
      assertThat(cb.name(row)).isEqualTo(ca.name(row));
      assertThat(cb.serialNumber(row)).isEqualTo(ca.serialNumber(row));
      assertThat(cb.udid(row)).isEqualTo(ca.udid(row));
      assertThat(cb.managementId(row)).isEqualTo(ca.managementId(row));
      assertThat(cb.lastContactMillis(row)).isEqualTo(ca.lastContactMillis(row));
      assertThat(cb.os(row)).isEqualTo(ca.os(row));
      assertThat(cb.username(row)).isEqualTo(ca.username(row));
    }
    assertThat(b.mobileDevices()).isEqualTo(a.mobileDevices());
    assertThat(b.policies()).isEqualTo(a.policies());
    assertThat(b.smartGroups()).isEqualTo(a.smartGroups());
    assertThat(b.staticGroups()).isEqualTo(a.staticGroups());
  }

  @Test
  void differentSeedDifferentFleet() {
    Computers a = Fleet.generate(1, 50, 0, NOW).computers();
    Computers b = Fleet.generate(2, 50, 0, NOW).computers();
    assertThat(
            IntStream.range(0, 50)
                .filter(r -> !a.serialNumber(r).equals(b.serialNumber(r)))
                .count())
        .isEqualTo(50);
  }

  @Test
  void computersLookLikeARealFleet() {
    Fleet fleet = Fleet.generate(42, 3000, 100, NOW);
    Computers c = fleet.computers();
    Set<String> serials = new HashSet<>();
    Set<String> managementIds = new HashSet<>();
    for (int row = 0; row < c.size(); row++) {
      serials.add(c.serialNumber(row));
      managementIds.add(c.managementId(row));
      assertThat(c.serialNumber(row)).matches("[0-9A-Z]{10}|C02[0-9A-Z]{9}");
      assertThat(c.udid(row))
          .matches("[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}");
      assertThat(c.macAddress(row)).matches("([0-9A-F]{2}:){5}[0-9A-F]{2}");
      assertThat(c.lastContactMillis(row)).isLessThanOrEqualTo(NOW.toEpochMilli());
      assertThat(c.reportDateMillis(row)).isLessThanOrEqualTo(c.lastContactMillis(row));
      if (!c.username(row).isEmpty()) {
        assertThat(c.email(row)).isEqualTo(c.username(row) + "@acme.example");
        assertThat(c.realname(row)).contains(" ");
      }
    }
    assertThat(serials).hasSize(c.size());
    int unmanaged = fleet.countComputers(r -> !c.managed(r));
    assertThat(managementIds).hasSize(c.size() - unmanaged + (unmanaged > 0 ? 1 : 0)); // + null
    assertThat(fleet.countComputers("general.name==\"*'s MacBook*\"")).isGreaterThan(300);
    assertThat(fleet.countComputers("general.name==MBP-*-*")).isGreaterThan(300);
    for (String major : new String[] {"14", "15", "26"}) {
      assertThat(fleet.countComputers("operatingSystem.version==" + major + ".*"))
          .as(major)
          .isGreaterThan(100);
    }
    // macOS 13 only on the Macs that shipped before macOS 14 (no M3/M4): a small tail
    assertThat(fleet.countComputers("operatingSystem.version==13.*")).isBetween(30, 300);
    long day = Duration.ofDays(1).toMillis();
    long now = NOW.toEpochMilli();
    int recent = fleet.countComputers(r -> now - c.lastContactMillis(r) < 7 * day);
    int stale =
        fleet.countComputers(
            r ->
                now - c.lastContactMillis(r) >= 30 * day
                    && now - c.lastContactMillis(r) < 90 * day);
    int gone = fleet.countComputers(r -> now - c.lastContactMillis(r) >= 90 * day);
    assertThat(recent).isGreaterThan(c.size() / 2);
    assertThat(stale).isBetween(c.size() / 50, c.size() / 5);
    assertThat(gone).isBetween(c.size() / 100, c.size() / 10);
    assertThat(fleet.countComputers("diskEncryption.fileVault2Enabled==false"))
        .isBetween(1, c.size() / 4);
    assertThat(fleet.countComputers("hardware.model==\"MacBook Pro (14-inch, M3, Nov 2023)\""))
        .isPositive();
    assertThat(fleet.countComputers("userAndLocation.departmentId==1")).isPositive();
  }

  @Test
  void smartGroupsAgreeWithTheirCriteria() {
    Fleet fleet = Fleet.generate(3, 1000, 0, NOW);
    for (SmartGroup group : fleet.smartGroups()) {
      assertThat(group.membershipCount())
          .as(group.name())
          .isEqualTo(fleet.countComputers(group.criteria()));
    }
    assertThat(fleet.smartGroups().get(0).membershipCount()).isEqualTo(1000);
  }

  /** The data that breaks tools in real fleets is there, in realistic shares. */
  @Test
  void theFleetHasTheEdgeCasesOfARealOne() {
    Fleet fleet = Fleet.generate(42, 10_000, 400, NOW);
    Computers c = fleet.computers();
    int n = c.size();
    int never = fleet.countComputers(c::neverCheckedIn);
    assertThat(never).isBetween(n / 200, n / 50);
    assertThat(fleet.countComputers(r -> c.neverCheckedIn(r) && c.lastContact(r) != null)).isZero();
    assertThat(fleet.countComputers(r -> !c.managed(r))).isBetween(n / 100, n / 25);
    assertThat(fleet.countComputers(r -> !c.managed(r) && c.managementId(r) != null)).isZero();
    for (String status : new String[] {"NOT_COLLECTED", "NOT_AVAILABLE", "DISABLED"}) {
      assertThat(fleet.countComputers(r -> status.equals(c.sipStatus(r)))).as(status).isPositive();
    }
    assertThat(fleet.countComputers(r -> "NOT_COLLECTED".equals(c.gatekeeperStatus(r))))
        .isBetween(n / 50, n / 10);
    assertThat(fleet.countComputers(r -> c.fileVault2Status(r) == null)).isPositive();
    assertThat(fleet.countComputers(r -> !c.firewallCollected(r))).isPositive();
    assertThat(fleet.countComputers(r -> c.bootstrapTokenEscrowedStatus(r) == null)).isPositive();
    assertThat(fleet.countComputers(r -> "NOT_ESCROWED".equals(c.bootstrapTokenEscrowedStatus(r))))
        .isPositive();
    long now = NOW.toEpochMilli();
    long expired =
        fleet.countComputers(
            r -> c.managed(r) && !c.neverCheckedIn(r) && c.mdmProfileExpirationMillis(r) < now);
    assertThat(expired).isBetween(1L, n / 20L);
    assertThat(fleet.countComputers(r -> c.siteId(r) == 1)).isPositive();
    assertThat(fleet.countComputers(r -> c.siteId(r) == 2)).isPositive();
    assertThat(fleet.countComputers(r -> c.siteId(r) == 0)).isPositive();
    // supervised iPhones and iPads mostly have an unlock token escrowed; unsupervised never
    assertThat(fleet.mobileDevices().stream().filter(d -> d.unlockToken() != null).count())
        .isPositive();
    assertThat(
            fleet.mobileDevices().stream()
                .filter(d -> d.supervised() && d.unlockToken() == null)
                .count())
        .isPositive();
    assertThat(
            fleet.mobileDevices().stream()
                .filter(d -> !d.supervised() && d.unlockToken() != null)
                .count())
        .isZero();
  }

  /** M3 Macs shipped with macOS 14 and M4 Macs with 15: no simulated Mac runs an older one. */
  @Test
  void onlyHardwareAndOsPairsThatExist() {
    Fleet fleet = Fleet.generate(42, 10_000, 0, NOW);
    Computers c = fleet.computers();
    int m3 = fleet.countComputers(r -> c.model(r).processorType().startsWith("Apple M3"));
    int m4 = fleet.countComputers(r -> c.model(r).processorType().startsWith("Apple M4"));
    assertThat(m3).isPositive();
    assertThat(m4).isPositive();
    assertThat(
            fleet.countComputers(
                r -> c.model(r).processorType().startsWith("Apple M3") && c.os(r).major() < 14))
        .isZero();
    assertThat(
            fleet.countComputers(
                r -> c.model(r).processorType().startsWith("Apple M4") && c.os(r).major() < 15))
        .isZero();
    for (int row = 0; row < c.size(); row++) {
      assertThat(c.os(row).major()).isGreaterThanOrEqualTo(Catalog.MODEL_FIRST_MACOS[c.model[row]]);
    }
  }

  @Test
  void managementIdsMapBackToDevices() {
    Fleet fleet = Fleet.generate(3, 100, 10, NOW);
    assertThat(fleet.deviceByManagementId(fleet.computers().managementId(41)))
        .contains(new ManagedDevice(ManagedDevice.Kind.COMPUTER, 42));
    assertThat(fleet.deviceByManagementId(fleet.mobileDevices().get(4).managementId()))
        .contains(new ManagedDevice(ManagedDevice.Kind.MOBILE_DEVICE, 5));
    assertThat(fleet.deviceByManagementId("00000000-0000-0000-0000-000000000000")).isEmpty();
  }

  @Test
  void aHundredThousandComputersFitInModestHeap() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long before = runtime.totalMemory() - runtime.freeMemory();
    Fleet fleet = Fleet.generate(42, 100_000, 150, NOW);
    System.gc();
    long retained = runtime.totalMemory() - runtime.freeMemory() - before;
    assertThat(fleet.computers().size()).isEqualTo(100_000);
    assertThat(fleet.countComputers("id=gt=99990")).isEqualTo(10);
    // about 25 MB in practice; the bound is loose because GC accounting is approximate
    assertThat(retained).isLessThan(200L * 1024 * 1024);
  }
}

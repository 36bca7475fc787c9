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
    assertThat(managementIds).hasSize(c.size());
    assertThat(fleet.countComputers("general.name==\"*'s MacBook*\"")).isGreaterThan(300);
    assertThat(fleet.countComputers("general.name==MBP-*-*")).isGreaterThan(300);
    for (String major : new String[] {"13", "14", "15", "26"}) {
      assertThat(fleet.countComputers("operatingSystem.version==" + major + ".*"))
          .as(major)
          .isGreaterThan(100);
    }
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

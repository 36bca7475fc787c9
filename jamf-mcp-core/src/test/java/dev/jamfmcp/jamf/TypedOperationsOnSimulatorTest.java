package dev.jamfmcp.jamf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.computers.ComputerGroupMembership;
import dev.jamfmcp.jamf.computers.ComputerSection;
import dev.jamfmcp.jamf.groups.GroupMember;
import dev.jamfmcp.jamf.groups.SmartComputerGroup;
import dev.jamfmcp.jamf.groups.StaticComputerGroup;
import dev.jamfmcp.jamf.mdm.Mdm;
import dev.jamfmcp.jamf.mdm.MdmCommand;
import dev.jamfmcp.jamf.mdm.MdmCommandRequest;
import dev.jamfmcp.jamf.mdm.QueuedCommand;
import dev.jamfmcp.jamf.mobile.MobileDevice;
import dev.jamfmcp.jamf.mobile.MobileDeviceDetail;
import dev.jamfmcp.jamf.mobile.MobileDeviceInventory;
import dev.jamfmcp.jamf.mobile.MobileDeviceSection;
import dev.jamfmcp.jamf.policies.Policy;
import dev.jamfmcp.jamf.profiles.ConfigurationProfile;
import dev.jamfmcp.jamf.scripts.Script;
import dev.jamfmcp.simulator.ManualClock;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.simulator.effects.BlankPush;
import dev.jamfmcp.simulator.effects.CommandFlush;
import dev.jamfmcp.simulator.effects.GroupMembershipChange;
import dev.jamfmcp.simulator.effects.LogFlush;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.ConfigProfile;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.SmartGroup;
import dev.jamfmcp.simulator.fleet.StaticGroup;
import dev.jamfmcp.simulator.rsql.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Every typed operation of {@link JamfClient} against the simulated Jamf Pro, checked against the
 * simulator's ground truth (its fleet and recorded side effects), never against hard-coded numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class TypedOperationsOnSimulatorTest {
  /** Not a multiple of any page size used below, so the last page is short. */
  private static final int COMPUTERS = 2345;

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
  private SimulatedJamfPro sim;
  private Fleet fleet;
  private Computers truth;
  private JamfClient jamf;

  @BeforeAll
  void start() {
    sim =
        SimulatedJamfPro.start(
            SimulatorConfig.of(
                c ->
                    c.computers(COMPUTERS)
                        .mobileDevices(150)
                        .clock(clock)
                        .mdmAcknowledgeAfter(null)));
    fleet = sim.fleet();
    truth = fleet.computers();
    jamf = Simulators.apiClient(sim).pageSize(200).build();
  }

  @AfterAll
  void stop() {
    jamf.close();
    sim.close();
  }

  @BeforeEach
  void forget() {
    sim.sideEffects().clear();
  }

  // ---- computers -------------------------------------------------------------------------

  @Test
  @Covers("Computers.listJson(ListQuery)")
  void rawJsonListingKeepsJamfsShape() {
    List<tools.jackson.databind.JsonNode> all =
        jamf.computers().listJson(ListQuery.all().withSections(ComputerSection.GENERAL)).toList();
    assertThat(all).hasSize(truth.size());
    tools.jackson.databind.JsonNode first = all.get(0);
    int row = Integer.parseInt(first.get("id").asString()) - 1;
    assertThat(first.at("/general/name").asString()).isEqualTo(truth.name(row));
    assertThat(first.get("hardware").isNull()).as("sections not asked for are null").isTrue();
  }

  @Test
  @Covers({"Computers.list(ListQuery)", "Listing.iterator()"})
  void everyComputerOnceWithOnlyTheGeneralSection() {
    List<Integer> ids = new ArrayList<>();
    for (Computer c :
        jamf.computers().list(ListQuery.all().withSections(ComputerSection.GENERAL))) {
      int row = Integer.parseInt(c.id()) - 1;
      ids.add(row + 1);
      assertThat(c.general().name()).isEqualTo(truth.name(row));
      assertThat(c.general().managementId()).isEqualTo(truth.managementId(row));
      assertThat(c.udid()).isEqualTo(truth.udid(row));
      assertThat(c.hardware()).as("sections not asked for are null").isNull();
      assertThat(c.userAndLocation()).isNull();
    }
    assertThat(ids).containsExactlyElementsOf(Simulators.idsInNameOrder(truth));
  }

  @Test
  @Covers("Computers.list(ListQuery)")
  void chosenSectionsCarryTheFleetsValues() {
    ListQuery query =
        ListQuery.all()
            .withSections(
                ComputerSection.GENERAL,
                ComputerSection.HARDWARE,
                ComputerSection.OPERATING_SYSTEM,
                ComputerSection.USER_AND_LOCATION)
            .withPageSize(2000);
    AtomicInteger seen = new AtomicInteger();
    jamf.computers()
        .list(query)
        .forEach(
            c -> {
              int row = Integer.parseInt(c.id()) - 1;
              seen.incrementAndGet();
              assertThat(c.hardware().serialNumber()).isEqualTo(truth.serialNumber(row));
              assertThat(c.hardware().model()).isEqualTo(truth.model(row).model());
              assertThat(c.hardware().appleSilicon()).isEqualTo(truth.model(row).appleSilicon());
              assertThat(c.operatingSystem().version()).isEqualTo(truth.os(row).version());
              assertThat(c.operatingSystem().fileVault2Status())
                  .isEqualTo(truth.fileVault2Status(row));
              assertThat(c.userAndLocation().username()).isEqualTo(truth.username(row));
              assertThat(c.userAndLocation().departmentId())
                  .isEqualTo(
                      truth.departmentId(row) == 0
                          ? null
                          : String.valueOf(truth.departmentId(row)));
              if (c.general().lastContactTime() == null) {
                // a Mac that never checked in
                assertThat(truth.lastContactMillis(row)).isEqualTo(Field.NULL);
              } else {
                assertThat(Instant.parse(c.general().lastContactTime()).toEpochMilli())
                    .isEqualTo(truth.lastContactMillis(row));
              }
            });
    assertThat(seen).hasValue(truth.size());
  }

  @Test
  @Covers("Computers.list(ListQuery)")
  void filterWithQuotesCommasAndParenthesesMatchesGroundTruth() {
    // A model name with parentheses and commas: unescaped, it would change the query's meaning.
    String model =
        IntStream.range(0, truth.size())
            .mapToObj(r -> truth.model(r).model())
            .filter(m -> m.contains(",") && m.contains("("))
            .findFirst()
            .orElseThrow();
    List<Computer> found =
        jamf.computers()
            .list(
                ListQuery.all()
                    .withSections(ComputerSection.HARDWARE)
                    .withFilter(Rsql.eq("hardware.model", model)))
            .toList();
    long expected =
        IntStream.range(0, truth.size()).filter(r -> truth.model(r).model().equals(model)).count();
    assertThat(expected).isPositive();
    assertThat(found)
        .hasSize((int) expected)
        .allSatisfy(c -> assertThat(c.hardware().model()).isEqualTo(model));
  }

  @Test
  @Covers({"Computers.list(ListQuery)", "Listing.count()"})
  void staleComputersByLastContactMatchGroundTruth() {
    Instant threshold = fleet.now().minus(Duration.ofDays(30));
    Listing<Computer> stale =
        jamf.computers()
            .list(
                ListQuery.all()
                    .withFilter(
                        Rsql.lt("general.lastContactTime", threshold.toString())
                            .and(Rsql.eq("hardware.appleSilicon", true))));
    long expected =
        IntStream.range(0, truth.size())
            .filter(
                r ->
                    truth.lastContactMillis(r) != Field.NULL
                        && truth.lastContactMillis(r) < threshold.toEpochMilli()
                        && truth.model(r).appleSilicon())
            .count();
    assertThat(expected).isPositive();
    assertThat(stale.count()).isEqualTo(expected);
    assertThat(stale.toList()).hasSize((int) expected);
  }

  @Test
  @Covers({"Computers.list(ListQuery)", "Listing.first(int)"})
  void sortedByNameDescending() {
    List<String> expected =
        IntStream.range(0, truth.size())
            .boxed()
            .sorted(
                Comparator.comparing((Integer r) -> truth.name(r), String.CASE_INSENSITIVE_ORDER)
                    .reversed())
            .map(truth::name)
            .limit(450)
            .toList();
    List<Computer> first =
        jamf.computers()
            .list(
                ListQuery.all()
                    .withSections(ComputerSection.GENERAL)
                    .withSort(Sort.desc("general.name")))
            .first(450);
    assertThat(first).extracting(c -> c.general().name()).containsExactlyElementsOf(expected);
  }

  @Test
  @Covers({"Listing.page(int)", "Listing.toList()"})
  void pagingFollowsTotalCount() {
    Listing<Computer> listing = jamf.computers().list(ListQuery.all().withPageSize(1000));
    Page<Computer> last = listing.page(2);
    assertThat(last.totalCount()).isEqualTo(truth.size());
    assertThat(last.results()).hasSize(truth.size() - 2000);
    assertThat(listing.page(3).results()).isEmpty();
    // page size above Jamf's maximum is clamped to 2000 by the client, and every computer arrives
    // once
    Listing<Computer> big = jamf.computers().list(ListQuery.all().withPageSize(5000));
    assertThat(big.page(0).results()).hasSize(2000);
    assertThat(big.toList()).extracting(Computer::id).doesNotHaveDuplicates().hasSize(truth.size());
  }

  @Test
  @Covers("Computers.detail(String)")
  void computerDetailHasEverySectionAndItsGroups() {
    SmartGroup group =
        fleet.smartGroups().stream().filter(g -> g.membershipCount() > 0).findFirst().orElseThrow();
    int row = group.memberRows().nextSetBit(0);
    Computer c = jamf.computers().detail(String.valueOf(row + 1));
    assertThat(c.general().name()).isEqualTo(truth.name(row));
    assertThat(c.hardware().serialNumber()).isEqualTo(truth.serialNumber(row));
    assertThat(c.operatingSystem().version()).isEqualTo(truth.os(row).version());
    assertThat(c.userAndLocation().realname()).isEqualTo(truth.realname(row));
    Set<String> smart = new HashSet<>();
    fleet.smartGroups().stream()
        .filter(g -> g.contains(row))
        .forEach(g -> smart.add(String.valueOf(g.id())));
    Set<String> statics = new HashSet<>();
    sim.staticGroups().all().stream()
        .filter(g -> g.computerIds().contains(row + 1))
        .forEach(g -> statics.add(String.valueOf(g.id())));
    assertThat(c.groupMemberships())
        .filteredOn(ComputerGroupMembership::smartGroup)
        .extracting(ComputerGroupMembership::groupId)
        .containsExactlyInAnyOrderElementsOf(smart);
    assertThat(c.groupMemberships())
        .filteredOn(m -> !m.smartGroup())
        .extracting(ComputerGroupMembership::groupId)
        .containsExactlyInAnyOrderElementsOf(statics);
    assertThatThrownBy(() -> jamf.computers().detail(String.valueOf(truth.size() + 1)))
        .isInstanceOf(JamfNotFoundException.class);
  }

  // ---- mobile devices ----------------------------------------------------------------------

  @Test
  @Covers("MobileDevices.list(ListQuery)")
  void mobileDeviceList() {
    List<MobileDevice> devices =
        jamf.mobileDevices()
            .list(ListQuery.all().withSort(Sort.asc("id")).withPageSize(40))
            .toList();
    assertThat(devices)
        .extracting(MobileDevice::id)
        .containsExactlyElementsOf(
            fleet.mobileDevices().stream().map(d -> String.valueOf(d.id())).toList());
    assertThat(devices)
        .extracting(MobileDevice::serialNumber)
        .containsExactlyElementsOf(
            fleet.mobileDevices().stream().map(d -> d.serialNumber()).toList());
    assertThat(devices)
        .extracting(MobileDevice::managementId)
        .containsExactlyElementsOf(
            fleet.mobileDevices().stream().map(d -> d.managementId()).toList());
  }

  @Test
  @Covers("MobileDevices.inventory(ListQuery)")
  void mobileInventoryWithSectionsAndFilter() {
    var device = fleet.mobileDevices().get(17);
    List<MobileDeviceInventory> rows =
        jamf.mobileDevices()
            .inventory(
                ListQuery.all()
                    .withSections(
                        MobileDeviceSection.GENERAL,
                        MobileDeviceSection.HARDWARE,
                        MobileDeviceSection.USER_AND_LOCATION)
                    .withFilter(Rsql.eq("serialNumber", device.serialNumber())))
            .toList();
    assertThat(rows).hasSize(1);
    MobileDeviceInventory row = rows.get(0);
    assertThat(row.mobileDeviceId()).isEqualTo(String.valueOf(device.id()));
    assertThat(row.general().displayName()).isEqualTo(device.name());
    assertThat(row.general().managementId()).isEqualTo(device.managementId());
    assertThat(row.hardware().model()).isEqualTo(device.model());
    assertThat(row.hardware().batteryLevel()).isEqualTo(device.batteryLevel());
    assertThat(row.userAndLocation().username()).isEqualTo(device.username());

    String ipadModel =
        fleet.mobileDevices().stream().filter(d -> d.iPad()).findFirst().orElseThrow().model();
    List<MobileDeviceInventory> ipads =
        jamf.mobileDevices()
            .inventory(
                ListQuery.all()
                    .withSections(MobileDeviceSection.GENERAL)
                    .withFilter(Rsql.eq("model", ipadModel))
                    .withPageSize(7))
            .toList();
    assertThat(ipads)
        .hasSize(
            (int) fleet.mobileDevices().stream().filter(d -> d.model().equals(ipadModel)).count());
    assertThat(ipads).allSatisfy(r -> assertThat(r.hardware()).isNull());
  }

  @Test
  @Covers("MobileDevices.detail(String)")
  void mobileDeviceDetail() {
    var device = fleet.mobileDevices().get(3);
    MobileDeviceDetail detail = jamf.mobileDevices().detail(String.valueOf(device.id()));
    assertThat(detail.name()).isEqualTo(device.name());
    assertThat(detail.serialNumber()).isEqualTo(device.serialNumber());
    assertThat(detail.managementId()).isEqualTo(device.managementId());
    assertThat(detail.osVersion()).isEqualTo(device.osVersion());
    assertThat(detail.location().username()).isEqualTo(device.username());
    assertThat(detail.ios().model()).isEqualTo(device.model());
    assertThat(detail.ios().supervised()).isEqualTo(device.supervised());
  }

  // ---- organisation, scripts, patch titles, version ---------------------------------------

  @Test
  @Covers({
    "Organization.departments(ListQuery)",
    "Organization.buildings(ListQuery)",
    "Organization.categories(ListQuery)"
  })
  void departmentsBuildingsCategories() {
    assertThat(jamf.organization().departments(ListQuery.all().withPageSize(3)).toList())
        .extracting(d -> d.id() + "=" + d.name())
        .containsExactlyInAnyOrderElementsOf(
            fleet.departments().stream().map(d -> d.id() + "=" + d.name()).toList());
    assertThat(jamf.organization().buildings(ListQuery.all()).toList())
        .extracting(b -> b.id() + "=" + b.name() + "/" + b.city())
        .containsExactlyInAnyOrderElementsOf(
            fleet.buildings().stream().map(b -> b.id() + "=" + b.name() + "/" + b.city()).toList());
    assertThat(jamf.organization().categories(ListQuery.all().withSort(Sort.asc("name"))).toList())
        .extracting(c -> c.id() + "=" + c.name() + "/" + c.priority())
        .containsExactlyInAnyOrderElementsOf(
            fleet.categories().stream()
                .map(c -> c.id() + "=" + c.name() + "/" + c.priority())
                .toList());
  }

  @Test
  @Covers({"Scripts.list(ListQuery)", "Scripts.get(String)"})
  void scripts() {
    List<Script> scripts = jamf.scripts().list(ListQuery.all().withPageSize(4)).toList();
    assertThat(scripts)
        .extracting(s -> s.id() + "=" + s.name())
        .containsExactlyInAnyOrderElementsOf(
            fleet.scripts().stream().map(s -> s.id() + "=" + s.name()).toList());
    var truthScript =
        fleet.scripts().stream().filter(s -> !s.parameters().isEmpty()).findFirst().orElseThrow();
    Script one = jamf.scripts().get(String.valueOf(truthScript.id()));
    assertThat(one.scriptContents()).isEqualTo(truthScript.scriptContents());
    assertThat(one.parameter4()).isEqualTo(truthScript.parameters().get(0));
    assertThat(one.categoryName()).isEqualTo(truthScript.categoryName());
    assertThatThrownBy(() -> jamf.scripts().get("99999")).isInstanceOf(JamfNotFoundException.class);
  }

  @Test
  @Covers("PatchTitles.list()")
  void patchTitles() {
    assertThat(jamf.patchTitles().list())
        .extracting(t -> t.id() + "=" + t.displayName() + "/" + t.softwareTitlePublisher())
        .containsExactlyInAnyOrderElementsOf(
            fleet.patchTitles().stream()
                .map(t -> t.id() + "=" + t.displayName() + "/" + t.publisher())
                .toList());
  }

  @Test
  @Covers("JamfClient.jamfProVersion()")
  void version() {
    assertThat(jamf.jamfProVersion()).isEqualTo(SimulatorConfig.JAMF_PRO_VERSION);
  }

  // ---- computer groups ---------------------------------------------------------------------

  @Test
  @Covers({"ComputerGroups.smartGroups(ListQuery)", "ComputerGroups.smartGroupMembers(String)"})
  void smartGroupsAndTheirMembers() {
    List<SmartComputerGroup> groups =
        jamf.computerGroups().smartGroups(ListQuery.all().withPageSize(5)).toList();
    assertThat(groups)
        .extracting(g -> g.id() + "=" + g.name() + "/" + g.membershipCount())
        .containsExactlyInAnyOrderElementsOf(
            fleet.smartGroups().stream()
                .map(g -> g.id() + "=" + g.name() + "/" + g.membershipCount())
                .toList());
    for (SmartGroup g : fleet.smartGroups()) {
      List<String> expected = g.memberRows().stream().mapToObj(r -> String.valueOf(r + 1)).toList();
      assertThat(jamf.computerGroups().smartGroupMembers(String.valueOf(g.id())))
          .as(g.name())
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  @Covers({
    "ComputerGroups.staticGroups(ListQuery)",
    "ComputerGroups.staticGroup(String)",
    "ComputerGroups.staticGroupMembers(int)",
    "ComputerGroups.replaceStaticGroupMembers(StaticComputerGroup,Collection)"
  })
  void staticGroupsAndReplacingTheirMembers() {
    List<StaticComputerGroup> groups = jamf.computerGroups().staticGroups(ListQuery.all()).toList();
    assertThat(groups)
        .extracting(g -> g.id() + "=" + g.name() + "/" + g.count())
        .containsExactlyInAnyOrderElementsOf(
            sim.staticGroups().all().stream()
                .map(g -> g.id() + "=" + g.name() + "/" + g.computerIds().size())
                .toList());

    StaticGroup target = sim.staticGroups().all().get(0);
    StaticComputerGroup group = jamf.computerGroups().staticGroup(String.valueOf(target.id()));
    assertThat(group.name()).isEqualTo(target.name());
    List<GroupMember> members = jamf.computerGroups().staticGroupMembers(target.id());
    assertThat(members)
        .extracting(GroupMember::id)
        .containsExactlyInAnyOrderElementsOf(target.computerIds());
    assertThat(members)
        .allSatisfy(m -> assertThat(m.serialNumber()).isEqualTo(truth.serialNumber(m.id() - 1)));

    List<String> wanted =
        new ArrayList<>(members.stream().map(m -> String.valueOf(m.id())).toList());
    wanted.remove(0);
    wanted.add(String.valueOf(truth.size()));
    jamf.computerGroups().replaceStaticGroupMembers(group, wanted);

    List<Integer> wantedIds = wanted.stream().map(Integer::valueOf).sorted().toList();
    assertThat(sim.staticGroups().find(target.id()).orElseThrow().computerIds())
        .containsExactlyElementsOf(wantedIds);
    List<GroupMembershipChange> changes = sim.sideEffects().groupMembershipChanges();
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).groupId()).isEqualTo(target.id());
    assertThat(changes.get(0).before()).containsExactlyInAnyOrderElementsOf(target.computerIds());
    assertThat(changes.get(0).after()).containsExactlyElementsOf(wantedIds);
    assertThat(jamf.computerGroups().staticGroupMembers(target.id()))
        .extracting(GroupMember::id)
        .containsExactlyInAnyOrderElementsOf(wantedIds);
    assertThat(sim.staticGroups().find(target.id()).orElseThrow().name()).isEqualTo(target.name());
  }

  // ---- policies, log flush, profiles ---------------------------------------------------------

  @Test
  @Covers({"Policies.list()", "Policies.get(int)"})
  void policies() {
    assertThat(jamf.policies().list())
        .extracting(r -> r.id() + "=" + r.name())
        .containsExactlyInAnyOrderElementsOf(
            fleet.policies().stream().map(p -> p.id() + "=" + p.name()).toList());
    for (dev.jamfmcp.simulator.fleet.Policy p : fleet.policies()) {
      Policy read = jamf.policies().get(p.id());
      assertThat(read.general().id()).isEqualTo(p.id());
      assertThat(read.general().name()).isEqualTo(p.name());
      assertThat(read.general().enabled()).isEqualTo(p.enabled());
      assertThat(read.general().frequency()).isEqualTo(p.frequency());
      assertThat(read.general().triggerCheckin()).isEqualTo(p.triggerCheckin());
      assertThat(read.general().category().name()).isEqualTo(fleet.categoryName(p.categoryId()));
      assertThat(read.scope().allComputers()).isEqualTo(p.scope().allDevices());
      assertThat(read.scope().computers())
          .extracting(ClassicRef::id)
          .containsExactlyInAnyOrderElementsOf(p.scope().deviceIds());
      assertThat(read.scope().computerGroups())
          .extracting(ClassicRef::id)
          .containsExactlyInAnyOrderElementsOf(p.scope().groupIds());
      assertThat(read.selfService().useForSelfService()).isEqualTo(p.selfService());
    }
    assertThatThrownBy(() -> jamf.policies().get(99999)).isInstanceOf(JamfNotFoundException.class);
  }

  @Test
  @Covers("Policies.listByCategory(String)")
  void policiesOfOneCategory() {
    String category = fleet.categoryName(fleet.policies().get(0).categoryId());
    assertThat(jamf.policies().listByCategory(category))
        .extracting(r -> r.id() + "=" + r.name())
        .containsExactlyInAnyOrderElementsOf(
            fleet.policies().stream()
                .filter(p -> fleet.categoryName(p.categoryId()).equals(category))
                .map(p -> p.id() + "=" + p.name())
                .toList());
  }

  @Test
  @Covers({"Policies.flushLog(int)", "Policies.flushLog(int,Collection)"})
  void logFlushesAreRecordedBySideEffect() {
    int policyId = fleet.policies().get(1).id();
    jamf.policies().flushLog(policyId);
    jamf.policies().flushLog(policyId, List.of(3, 5, truth.size()));
    List<LogFlush> flushes = sim.sideEffects().logFlushes();
    assertThat(flushes).hasSize(2);
    assertThat(flushes.get(0).policyId()).isEqualTo(policyId);
    assertThat(flushes.get(0).interval()).isEqualToIgnoringCase("Zero Days");
    assertThat(flushes.get(0).computerIds()).isEmpty();
    assertThat(flushes.get(1).policyId()).isEqualTo(policyId);
    assertThat(flushes.get(1).computerIds()).containsExactly(3, 5, truth.size());
    assertThatThrownBy(() -> jamf.policies().flushLog(99999))
        .isInstanceOf(JamfNotFoundException.class);
    assertThat(sim.sideEffects().logFlushes()).hasSize(2);
  }

  @Test
  @Covers("Mdm.flushCommands(FlushTarget,Collection,FlushStatus)")
  void commandFlushesGoOneRequestPerTypeAndUnknownDevicesAreRefused() {
    jamf.mdm().flushCommands(Mdm.FlushTarget.COMPUTERS, List.of(9, 18), Mdm.FlushStatus.FAILED);
    jamf.mdm().flushCommands(Mdm.FlushTarget.MOBILE_DEVICES, List.of(11), Mdm.FlushStatus.PENDING);
    List<CommandFlush> flushes = sim.sideEffects().commandFlushes();
    assertThat(flushes).hasSize(2);
    assertThat(flushes.get(0).deviceType()).isEqualTo("computer");
    assertThat(flushes.get(0).deviceIds()).containsExactly(9, 18);
    assertThat(flushes.get(0).failed()).isTrue();
    assertThat(flushes.get(0).pending()).isFalse();
    assertThat(flushes.get(1).deviceType()).isEqualTo("mobile");
    assertThat(flushes.get(1).pending()).isTrue();
    assertThatThrownBy(
            () ->
                jamf.mdm()
                    .flushCommands(
                        Mdm.FlushTarget.COMPUTERS, List.of(99_999_999), Mdm.FlushStatus.FAILED))
        .isInstanceOf(JamfNotFoundException.class);
    assertThat(sim.sideEffects().commandFlushes()).hasSize(2);
  }

  @Test
  @Covers("Policies.setEnabled(int,boolean)")
  void aPolicyIsSwitchedOffAndOnAgain() {
    var policy = fleet.policies().stream().filter(p -> p.enabled()).findFirst().orElseThrow();
    try {
      jamf.policies().setEnabled(policy.id(), false);
      assertThat(jamf.policies().get(policy.id()).general().enabled()).isFalse();
      assertThat(sim.sideEffects().policyEnabledChanges()).containsEntry(policy.id(), false);
    } finally {
      jamf.policies().setEnabled(policy.id(), true);
    }
    assertThat(jamf.policies().get(policy.id()).general().enabled()).isTrue();
    assertThatThrownBy(() -> jamf.policies().setEnabled(99999, false))
        .isInstanceOf(JamfNotFoundException.class);
  }

  @Test
  @Covers({"ConfigurationProfiles.macProfiles()", "ConfigurationProfiles.macProfile(int)"})
  void macProfiles() {
    assertThat(jamf.configurationProfiles().macProfiles())
        .extracting(r -> r.id() + "=" + r.name())
        .containsExactlyInAnyOrderElementsOf(
            fleet.macProfiles().stream().map(p -> p.id() + "=" + p.name()).toList());
    for (ConfigProfile p : fleet.macProfiles()) {
      ConfigurationProfile read = jamf.configurationProfiles().macProfile(p.id());
      assertThat(read.general().name()).isEqualTo(p.name());
      assertThat(read.general().uuid()).isEqualTo(p.uuid());
      assertThat(read.general().category().name()).isEqualTo(fleet.categoryName(p.categoryId()));
      assertThat(read.scope().allComputers()).isEqualTo(p.scope().allDevices());
      assertThat(read.scope().computerGroups())
          .extracting(ClassicRef::id)
          .containsExactlyInAnyOrderElementsOf(p.scope().groupIds());
    }
  }

  @Test
  @Covers({"ConfigurationProfiles.mobileProfiles()", "ConfigurationProfiles.mobileProfile(int)"})
  void mobileProfiles() {
    assertThat(jamf.configurationProfiles().mobileProfiles())
        .extracting(r -> r.id() + "=" + r.name())
        .containsExactlyInAnyOrderElementsOf(
            fleet.mobileProfiles().stream().map(p -> p.id() + "=" + p.name()).toList());
    for (ConfigProfile p : fleet.mobileProfiles()) {
      ConfigurationProfile read = jamf.configurationProfiles().mobileProfile(p.id());
      assertThat(read.general().name()).isEqualTo(p.name());
      assertThat(read.general().uuid()).isEqualTo(p.uuid());
      assertThat(read.scope().allMobileDevices()).isEqualTo(p.scope().allDevices());
      assertThat(read.scope().mobileDevices())
          .extracting(ClassicRef::id)
          .containsExactlyInAnyOrderElementsOf(p.scope().deviceIds());
    }
  }

  // ---- MDM -------------------------------------------------------------------------------------

  @Test
  @Covers({"Mdm.send(MdmCommandRequest)", "Mdm.commands(ListQuery)"})
  void mdmCommandsAreQueuedAndListedWithTheirState() {
    String mac = truth.managementId(41);
    String iphone = fleet.mobileDevices().get(2).managementId();
    List<QueuedCommand> receipts =
        jamf.mdm().send(MdmCommandRequest.of("RESTART_DEVICE", List.of(mac)));
    jamf.mdm()
        .send(
            MdmCommandRequest.of("DEVICE_INFORMATION", List.of(iphone))
                .with("queries", List.of("DeviceName")));
    assertThat(receipts).hasSize(1);

    List<dev.jamfmcp.simulator.effects.MdmCommand> queued = sim.sideEffects().mdmCommands();
    assertThat(queued)
        .extracting(
            c ->
                c.commandType()
                    + "@"
                    + c.managementId()
                    + "/"
                    + c.clientType()
                    + "#"
                    + c.deviceId())
        .containsExactly(
            "RESTART_DEVICE@" + mac + "/COMPUTER#42",
            "DEVICE_INFORMATION@" + iphone + "/MOBILE_DEVICE#" + fleet.mobileDevices().get(2).id());
    assertThat(receipts.get(0).id()).isEqualTo(queued.get(0).uuid());

    Listing<MdmCommand> forMac =
        jamf.mdm().commands(ListQuery.all().withFilter(Rsql.eq("clientManagementId", mac)));
    assertThat(forMac.toList())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.uuid()).isEqualTo(queued.get(0).uuid());
              assertThat(c.commandType()).isEqualTo("RESTART_DEVICE");
              assertThat(c.commandState()).isEqualTo("PENDING");
              assertThat(c.client().managementId()).isEqualTo(mac);
            });
    sim.sideEffects().acknowledge(queued.get(0).uuid());
    assertThat(forMac.toList())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.commandState()).isEqualTo("ACKNOWLEDGED");
              assertThat(c.dateCompleted()).isNotNull();
            });
    assertThat(
            jamf.mdm().commands(ListQuery.all().withFilter(Rsql.eq("status", "PENDING"))).toList())
        .extracting(MdmCommand::uuid)
        .containsExactly(queued.get(1).uuid());
    assertThatThrownBy(() -> jamf.mdm().commands(ListQuery.all()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @Covers("Mdm.blankPush(Collection)")
  void blankPushIsRecorded() {
    String mac = truth.managementId(7);
    String ipad = fleet.mobileDevices().get(0).managementId();
    String unknown = "00000000-0000-4000-8000-000000000000";
    List<String> errors = jamf.mdm().blankPush(List.of(mac, ipad, unknown));
    assertThat(errors).containsExactly(unknown);
    List<BlankPush> pushes = sim.sideEffects().blankPushes();
    assertThat(pushes)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.managementIds()).containsExactly(mac, ipad, unknown);
              assertThat(p.unknownIds()).containsExactly(unknown);
            });
  }
}

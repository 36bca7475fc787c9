package dev.jamfmcp.simulator.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.SmartGroup;
import dev.jamfmcp.simulator.fleet.StaticGroupStore;
import dev.jamfmcp.simulator.groups.SmartGroupStore.Group;
import dev.jamfmcp.simulator.groups.SmartGroupStore.Platform;
import dev.jamfmcp.simulator.inventory.AdminObjects;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class SmartGroupStoreTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private final Fleet fleet = Fleet.generate(7, 3000, 60, NOW);
  private final StaticGroupStore statics = new StaticGroupStore(fleet.staticGroups());
  private final SmartGroupStore store = new SmartGroupStore(fleet, statics);

  @Test
  void theGeneratedGroupsCriteriaSelectExactlyTheirGeneratedMembers() {
    for (SmartGroup generated : fleet.smartGroups()) {
      Group g = store.find(Platform.COMPUTER, generated.id()).orElseThrow();
      assertThat(store.evaluate(Platform.COMPUTER, "-1", g.criteria()))
          .as(g.name() + " " + g.criteria())
          .isEqualTo(generated.memberRows());
    }
    for (AdminObjects.MobileGroup generated : AdminObjects.of(fleet).mobileGroups()) {
      if (generated.smart()) {
        Group g = store.find(Platform.MOBILE, generated.id()).orElseThrow();
        BitSet rows = store.evaluate(Platform.MOBILE, "-1", g.criteria());
        assertThat(rows.stream().map(r -> r + 1).boxed().toList())
            .as(g.name())
            .isEqualTo(generated.memberIds());
      }
    }
  }

  @Test
  void andBindsTighterThanOrAndParenthesesGroup() {
    Computers c = fleet.computers();
    String dept = fleet.departments().get(0).name();
    List<Criterion> noParens =
        List.of(
            Criterion.of(0, "Department", "is", dept),
            new Criterion("Model", 1, "and", "like", "MacBook Air", false, false),
            new Criterion("Apple Silicon", 2, "or", "is", "No", false, false));
    List<Criterion> parens =
        List.of(
            Criterion.of(0, "Department", "is", dept),
            new Criterion("Model", 1, "and", "like", "MacBook Air", true, false),
            new Criterion("Apple Silicon", 2, "or", "is", "No", false, true));
    IntPredicate inDept = row -> c.departmentId(row) == fleet.departments().get(0).id();
    IntPredicate air = row -> c.model(row).model().contains("MacBook Air");
    IntPredicate intel = row -> !c.model(row).appleSilicon();
    assertThat(store.evaluate(Platform.COMPUTER, "-1", noParens))
        .isEqualTo(rows(inDept.and(air).or(intel)))
        .isNotEqualTo(rows(inDept.and(air.or(intel))));
    assertThat(store.evaluate(Platform.COMPUTER, "-1", parens))
        .isEqualTo(rows(inDept.and(air.or(intel))));
  }

  @Test
  void versionsCompareByNumberAndDatesByDaysAgo() {
    Computers c = fleet.computers();
    BitSet atLeast15 =
        store.evaluate(
            Platform.COMPUTER,
            "-1",
            List.of(Criterion.of(0, "Operating System Version", "greater than or equal", "15")));
    assertThat(atLeast15)
        .isEqualTo(rows(row -> SmartField.compareVersions(c.os(row).version(), "15") >= 0))
        .matches(b -> !b.isEmpty());
    assertThat(SmartField.compareVersions("14.10", "14.9")).isPositive();
    long bound = NOW.minus(Duration.ofDays(14)).toEpochMilli();
    assertThat(
            store.evaluate(
                Platform.COMPUTER,
                "-1",
                List.of(Criterion.of(0, "Last Check-in", "less than x days ago", "14"))))
        .isEqualTo(rows(row -> !c.neverCheckedIn(row) && c.lastContactMillis(row) >= bound));
    assertThat(store.evaluate(Platform.COMPUTER, "1", List.of()))
        .isEqualTo(rows(row -> c.siteId(row) == 1));
  }

  @Test
  void createAndUpdateRecomputeMembersAndRefuseWhatTheyCannotEvaluate() {
    int before = store.all(Platform.COMPUTER).size();
    int maxStatic = statics.all().stream().mapToInt(g -> g.id()).max().orElseThrow();
    Group created =
        store.create(
            Platform.COMPUTER,
            "Intel",
            "",
            null,
            List.of(Criterion.of(0, "Apple Silicon", "is", "No")));
    assertThat(created.id()).isEqualTo(maxStatic + 1);
    assertThat(created.siteId()).isEqualTo("-1");
    Group updated =
        store
            .update(
                Platform.COMPUTER,
                created.id(),
                "Intel",
                null,
                "-1",
                List.of(Criterion.of(0, "Apple Silicon", "is", "Yes")))
            .orElseThrow();
    assertThat(updated.membershipCount())
        .isEqualTo(fleet.computers().size() - created.membershipCount());

    assertThatThrownBy(
            () ->
                store.create(
                    Platform.COMPUTER,
                    "x",
                    "",
                    "-1",
                    List.of(Criterion.of(0, "Extension Attribute 7", "is", "1"))))
        .hasMessageContaining("cannot evaluate field 'Extension Attribute 7'")
        .hasMessageContaining("Operating System Version");
    assertThatThrownBy(
            () ->
                store.create(
                    Platform.COMPUTER,
                    "x",
                    "",
                    "-1",
                    List.of(Criterion.of(0, "Model", "more than x days ago", "1"))))
        .hasMessageContaining("does not apply to 'Model'");
    assertThatThrownBy(
            () ->
                store.create(
                    Platform.COMPUTER,
                    "x",
                    "",
                    "-1",
                    List.of(new Criterion("Model", 0, "and", "is", "x", true, false))))
        .hasMessageContaining("Unbalanced parentheses");
    assertThatThrownBy(
            () ->
                store.create(
                    Platform.COMPUTER, "x", "", "-1", List.of(Criterion.of(1, "Model", "is", "x"))))
        .hasMessageContaining("priority");
    assertThatThrownBy(() -> store.create(Platform.COMPUTER, "x", "", "9", List.of()))
        .hasMessageContaining("Site 9");
    assertThatThrownBy(() -> store.create(Platform.COMPUTER, "kiosk macs", "", "-1", List.of()))
        .isInstanceOfSatisfying(
            SmartGroupStore.Refused.class, e -> assertThat(e.status()).isEqualTo(422));
    assertThatThrownBy(
            () ->
                store.update(
                    Platform.COMPUTER,
                    created.id(),
                    fleet.smartGroups().get(0).name(),
                    "",
                    "-1",
                    List.of()))
        .hasMessageContaining("already exists");
    assertThat(store.all(Platform.COMPUTER)).hasSize(before + 1);
    assertThat(store.find(Platform.COMPUTER, created.id()).orElseThrow().criteria())
        .isEqualTo(updated.criteria());
    assertThat(store.update(Platform.MOBILE, 999, "x", "", "-1", List.of())).isEmpty();
  }

  private BitSet rows(IntPredicate test) {
    BitSet rows = new BitSet();
    for (int row = 0; row < fleet.computers().size(); row++) {
      if (test.test(row)) {
        rows.set(row);
      }
    }
    return rows;
  }
}

package dev.jamfmcp.simulator.rsql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RowFilterTest {
  private static final List<String> NAMES =
      List.of("Alice's MacBook Pro", "MBP-ENG-0042", "bob's imac", "C02ZC2QYLVDL", "A*B");
  private static final long[] SEEN = {
    Instant.parse("2025-01-01T00:00:00Z").toEpochMilli(),
    Instant.parse("2025-06-01T12:00:00Z").toEpochMilli(),
    Instant.parse("2025-06-01T12:00:00.500Z").toEpochMilli(),
    Field.NULL,
    Instant.parse("2024-01-01T00:00:00Z").toEpochMilli()
  };
  private static final FieldSet FIELDS =
      FieldSet.builder()
          .number("id", row -> row + 1, true)
          .string("general.name", NAMES::get, true)
          .string("general.assetTag", row -> row % 2 == 0 ? null : "T" + row, true)
          .date("general.lastContactTime", row -> SEEN[row], true)
          .bool("security.firewallEnabled", row -> row < 2)
          .build();

  private static List<Integer> ids(String filter) {
    IntPredicate predicate = RowFilter.compile(filter, FIELDS);
    return IntStream.range(0, NAMES.size()).filter(predicate).map(r -> r + 1).boxed().toList();
  }

  @Test
  void stringEqualityIsCaseInsensitiveAndSupportsWildcards() {
    assertThat(ids("general.name==\"alice's macbook pro\"")).containsExactly(1);
    assertThat(ids("general.name==\"*'s*\"")).containsExactly(1, 3);
    assertThat(ids("general.name==mbp-*")).containsExactly(2);
    assertThat(ids("general.name==*IMAC")).containsExactly(3);
    assertThat(ids("general.name!='*\\'s*'")).containsExactly(2, 4, 5);
    assertThat(ids("general.name==\"A\\*B\"")).containsExactly(5);
    assertThat(ids("general.name==A*")).containsExactly(1, 5);
    assertThat(ids("general.name==A*B")).containsExactly(5);
  }

  @Test
  void numbersCompareNumerically() {
    assertThat(ids("id>3")).containsExactly(4, 5);
    assertThat(ids("id=le=2")).containsExactly(1, 2);
    assertThat(ids("id=in=(1,3,9)")).containsExactly(1, 3);
    assertThat(ids("id=out=(1,3)")).containsExactly(2, 4, 5);
    assertThat(ids("id==1*")).containsExactly(1);
  }

  @Test
  void datesCompareAsInstantsAndMissingDatesNeverMatchAComparison() {
    assertThat(ids("general.lastContactTime>2025-06-01T12:00:00Z")).containsExactly(3);
    assertThat(ids("general.lastContactTime=ge=2025-06-01T14:00:00+02:00")).containsExactly(2, 3);
    assertThat(ids("general.lastContactTime<2025-01-01")).containsExactly(5);
    assertThat(ids("general.lastContactTime==2025-01-01T00:00:00Z")).containsExactly(1);
  }

  @Test
  void absentValuesAreUnequalToEverything() {
    assertThat(ids("general.assetTag==*")).containsExactly(2, 4);
    assertThat(ids("general.assetTag!=T1")).containsExactly(1, 3, 4, 5);
  }

  @Test
  void booleansAndLogic() {
    assertThat(ids("security.firewallEnabled==true")).containsExactly(1, 2);
    assertThat(ids("security.firewallEnabled==false;id<5")).containsExactly(3, 4);
    assertThat(ids("(id==1,id==5);general.name==a*")).containsExactly(1, 5);
  }

  @Test
  void unknownFieldsAndBadValuesAreRejected() {
    assertThatThrownBy(() -> ids("general.nope==1"))
        .isInstanceOf(RsqlException.class)
        .satisfies(
            e -> assertThat(((RsqlException) e).code()).isEqualTo(RsqlException.INVALID_FIELD));
    assertThatThrownBy(() -> ids("id==abc"))
        .isInstanceOf(RsqlException.class)
        .satisfies(
            e ->
                assertThat(((RsqlException) e).code())
                    .isEqualTo(RsqlException.INVALID_RSQL_FILTER));
    assertThatThrownBy(() -> ids("general.lastContactTime>yesterday"))
        .isInstanceOf(RsqlException.class);
    assertThatThrownBy(() -> ids("security.firewallEnabled>true"))
        .isInstanceOf(RsqlException.class);
    assertThatThrownBy(() -> ids("security.firewallEnabled==maybe"))
        .isInstanceOf(RsqlException.class);
  }

  @Test
  void tableSortsPagesAndCountsMatches() {
    Table table = new Table(FIELDS, NAMES.size(), true);
    Table.Page page = table.query("id>1", List.of("general.name:desc"), "id:asc", 0, 2);
    assertThat(page.totalCount()).isEqualTo(4);
    assertThat(page.rows()).containsExactly(1, 3); // MBP-ENG-0042, C02ZC2QYLVDL
    Table.Page second = table.query("id>1", List.of("general.name:desc"), "id:asc", 1, 2);
    assertThat(second.rows()).containsExactly(2, 4); // bob's imac, A*B
    assertThatThrownBy(
            () -> table.query(null, List.of("security.firewallEnabled:asc"), "id:asc", 0, 5))
        .as("a field not marked sortable")
        .isInstanceOf(RsqlException.class);
  }

  @Test
  void multiKeySortsAndDefaults() {
    Table table = new Table(FIELDS, NAMES.size(), false);
    assertThat(
            table.query("", List.of("general.lastContactTime:desc,id:asc"), "id:asc", 0, 10).rows())
        .containsExactly(2, 1, 0, 4, 3);
    assertThat(table.query("", List.of(), "id:desc", 0, 10).rows()).containsExactly(4, 3, 2, 1, 0);
    assertThat(table.query("", List.of("general.assetTag:asc", "id:desc"), "id:asc", 0, 10).rows())
        .containsExactly(4, 2, 0, 1, 3);
    assertThat(table.query("", List.of(), "id:asc", 7, 10).rows()).isEmpty();
    assertThatThrownBy(() -> table.query("", List.of("bogus:asc"), "id:asc", 0, 1))
        .isInstanceOf(RsqlException.class)
        .satisfies(e -> assertThat(((RsqlException) e).parameter()).isEqualTo("sort"));
    assertThatThrownBy(() -> table.query("", List.of("id:up"), "id:asc", 0, 1))
        .isInstanceOf(RsqlException.class);
  }
}

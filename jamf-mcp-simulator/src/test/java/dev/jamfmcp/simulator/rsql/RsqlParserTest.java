package dev.jamfmcp.simulator.rsql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.simulator.rsql.RsqlNode.And;
import dev.jamfmcp.simulator.rsql.RsqlNode.Comparison;
import dev.jamfmcp.simulator.rsql.RsqlNode.Or;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RsqlParserTest {
  private static final String STAR = String.valueOf(RsqlParser.WILDCARD);

  private static RsqlNode parse(String filter) {
    return RsqlParser.parse(filter).orElseThrow();
  }

  private static Comparison cmp(String field, RsqlOperator op, String... values) {
    return new Comparison(field, op, List.of(values));
  }

  @ParameterizedTest
  @CsvSource({
    "==,EQ", "!=,NE", "<,LT", "=lt=,LT", "<=,LE", "=le=,LE", ">,GT", "=gt=,GT", ">=,GE", "=ge=,GE"
  })
  void everyComparisonOperatorAndAlias(String symbol, RsqlOperator op) {
    assertThat(parse("id" + symbol + "5")).isEqualTo(cmp("id", op, "5"));
  }

  @Test
  void setOperatorsTakeParenthesisedLists() {
    assertThat(parse("id=in=(1,2, 3)")).isEqualTo(cmp("id", RsqlOperator.IN, "1", "2", "3"));
    assertThat(parse("id=out=(4)")).isEqualTo(cmp("id", RsqlOperator.OUT, "4"));
    assertThat(parse("id=IN=7")).isEqualTo(cmp("id", RsqlOperator.IN, "7"));
  }

  @Test
  void andBindsTighterThanOr() {
    assertThat(parse("a==1,b==2;c==3"))
        .isEqualTo(
            new Or(
                List.of(
                    cmp("a", RsqlOperator.EQ, "1"),
                    new And(
                        List.of(cmp("b", RsqlOperator.EQ, "2"), cmp("c", RsqlOperator.EQ, "3"))))));
    assertThat(parse("(a==1,b==2);c==3"))
        .isEqualTo(
            new And(
                List.of(
                    new Or(List.of(cmp("a", RsqlOperator.EQ, "1"), cmp("b", RsqlOperator.EQ, "2"))),
                    cmp("c", RsqlOperator.EQ, "3"))));
  }

  @Test
  void keywordsAndAndOrNeedWhitespace() {
    assertThat(parse("a==1 and b==2 or c==3")).isEqualTo(parse("a==1;b==2,c==3"));
    assertThat(parse("a==1 AND (b==2 OR c==3)")).isEqualTo(parse("a==1;(b==2,c==3)"));
    assertThat(parse("general.name==android"))
        .isEqualTo(cmp("general.name", RsqlOperator.EQ, "android"));
  }

  @Test
  void quotedValuesKeepMetacharacters() {
    assertThat(parse("general.name==\"Alice's MacBook Pro\""))
        .isEqualTo(cmp("general.name", RsqlOperator.EQ, "Alice's MacBook Pro"));
    assertThat(parse("general.name=='a,b;c(d)e==f and g'"))
        .isEqualTo(cmp("general.name", RsqlOperator.EQ, "a,b;c(d)e==f and g"));
    assertThat(parse("n=='it\\'s'")).isEqualTo(cmp("n", RsqlOperator.EQ, "it's"));
    assertThat(parse("n==\"say \\\"hi\\\" \\\\ bye\""))
        .isEqualTo(cmp("n", RsqlOperator.EQ, "say \"hi\" \\ bye"));
    assertThat(parse("n==\"\"")).isEqualTo(cmp("n", RsqlOperator.EQ, ""));
  }

  @Test
  void unescapedStarsAreWildcardsAndEscapedStarsAreLiteral() {
    assertThat(parse("n==Alice*")).isEqualTo(cmp("n", RsqlOperator.EQ, "Alice" + STAR));
    assertThat(parse("n==\"*Mac Book*\""))
        .isEqualTo(cmp("n", RsqlOperator.EQ, STAR + "Mac Book" + STAR));
    assertThat(parse("n==\"5\\*\"")).isEqualTo(cmp("n", RsqlOperator.EQ, "5*"));
  }

  @Test
  void datesAndSignsNeedNoQuotes() {
    assertThat(parse("general.lastContactTime=ge=2025-01-01T00:00:00.000+02:00"))
        .isEqualTo(
            cmp("general.lastContactTime", RsqlOperator.GE, "2025-01-01T00:00:00.000+02:00"));
  }

  @Test
  void blankFiltersMatchEverything() {
    assertThat(RsqlParser.parse("")).isEmpty();
    assertThat(RsqlParser.parse("   ")).isEmpty();
    assertThat(RsqlParser.parse(null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "id",
        "id==",
        "==1",
        "id=1",
        "id=foo=1",
        "id==1;",
        "id==1,",
        "(id==1",
        "id==1)",
        "id==\"open",
        "id==(1,2)",
        "id=in=()",
        "id==1 and",
        "id==1 xor id==2",
        "id!1",
        "n=='a'b",
        "n==a\\"
      })
  void malformedFiltersAreInvalidRsql(String filter) {
    assertThatThrownBy(() -> RsqlParser.parse(filter))
        .isInstanceOf(RsqlException.class)
        .satisfies(
            e ->
                assertThat(((RsqlException) e).code()).isEqualTo(RsqlException.INVALID_RSQL_FILTER))
        .hasMessageContaining("position");
  }
}

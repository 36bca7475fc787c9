package dev.jamfmcp.jamf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.jamf.RsqlTokenizer.And;
import dev.jamfmcp.jamf.RsqlTokenizer.Comparison;
import dev.jamfmcp.jamf.RsqlTokenizer.Or;
import dev.jamfmcp.jamf.RsqlTokenizer.Value;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RsqlTest {

  /** Arbitrary text, plus text made mostly of the characters that mean something in RSQL. */
  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings(),
        Arbitraries.strings().withChars("\"\\*(),;=!~<>' \t\naZ9é").ofMaxLength(30));
  }

  @Provide
  Arbitrary<List<String>> valueLists() {
    return values().list().ofMinSize(1).ofMaxSize(5);
  }

  private static Comparison single(Rsql rsql) {
    return (Comparison) RsqlTokenizer.parse(rsql.expression());
  }

  @Test
  void quotesAndEscapesEveryValue() {
    assertThat(Rsql.eq("general.name", "Orchard").expression())
        .isEqualTo("general.name==\"Orchard\"");
    assertThat(Rsql.eq("general.name", "a\"b\\c*d").expression())
        .isEqualTo("general.name==\"a\\\"b\\\\c\\*d\"");
    assertThat(Rsql.like("general.name", "*lab \"x\"*").expression())
        .isEqualTo("general.name==\"*lab \\\"x\\\"*\"");
    assertThat(Rsql.contains("general.name", "a*b").expression())
        .isEqualTo("general.name==\"*a\\*b*\"");
    assertThat(Rsql.in("id", List.of("1", "2")).expression()).isEqualTo("id=in=(\"1\",\"2\")");
    assertThat(Rsql.ge("general.reportDate", "2026-01-01T00:00:00Z").expression())
        .isEqualTo("general.reportDate>=\"2026-01-01T00:00:00Z\"");
  }

  @Test
  void parenthesisesAnOrInsideAnAnd() {
    Rsql a = Rsql.eq("a", "1");
    Rsql b = Rsql.eq("b", "2");
    Rsql c = Rsql.eq("c", "3");
    assertThat(a.and(b.or(c)).expression()).isEqualTo("a==\"1\";(b==\"2\",c==\"3\")");
    assertThat(a.or(b).or(c).expression()).isEqualTo("a==\"1\",b==\"2\",c==\"3\"");
    assertThat(a.and(b).or(c).expression()).isEqualTo("(a==\"1\";b==\"2\"),c==\"3\"");
  }

  @Test
  void refusesFieldNamesThatCouldInjectSyntax() {
    assertThatThrownBy(() -> Rsql.eq("name==x;id", "1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sort.asc("name:desc,id")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rsql.in("id", List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 500)
  void anyValueReadsBackAsExactlyOneComparisonWithThatValue(@ForAll("values") String value) {
    Comparison c = single(Rsql.eq("general.name", value));
    assertThat(c.selector()).isEqualTo("general.name");
    assertThat(c.operator()).isEqualTo("==");
    assertThat(c.arguments()).containsExactly(new Value(value, List.of()));
  }

  @Property(tries = 300)
  void everyOperatorKeepsTheValue(@ForAll("values") String value) {
    for (Rsql r :
        List.of(
            Rsql.ne("f", value),
            Rsql.lt("f", value),
            Rsql.le("f", value),
            Rsql.gt("f", value),
            Rsql.ge("f", value))) {
      assertThat(single(r).arguments()).containsExactly(new Value(value, List.of()));
    }
  }

  @Property(tries = 300)
  void containsWildcardsOnlyAtTheEnds(@ForAll("values") String term) {
    Comparison c = single(Rsql.contains("general.name", term));
    assertThat(c.arguments())
        .containsExactly(new Value("*" + term + "*", List.of(0, term.length() + 1)));
  }

  @Property(tries = 300)
  void likeKeepsTheCallersStarsAsWildcardsAndNothingElse(@ForAll("values") String pattern) {
    List<Integer> stars = new ArrayList<>();
    for (int i = 0; i < pattern.length(); i++) {
      if (pattern.charAt(i) == '*') {
        stars.add(i);
      }
    }
    assertThat(single(Rsql.like("f", pattern)).arguments())
        .containsExactly(new Value(pattern, stars));
  }

  @Property(tries = 200)
  void inListsKeepEveryValue(@ForAll("valueLists") List<String> values) {
    Comparison c = single(Rsql.in("hardware.serialNumber", values));
    assertThat(c.operator()).isEqualTo("=in=");
    assertThat(c.arguments()).extracting(Value::text).containsExactlyElementsOf(values);
  }

  @Property(tries = 200)
  void compositionKeepsItsStructureWhateverTheValues(
      @ForAll("values") String x, @ForAll("values") String y, @ForAll("values") String z) {
    RsqlTokenizer.Node node =
        RsqlTokenizer.parse(Rsql.eq("a", x).and(Rsql.eq("b", y)).or(Rsql.eq("c", z)).expression());
    assertThat(node).isInstanceOf(Or.class);
    Or or = (Or) node;
    assertThat(or.children()).hasSize(2);
    And and = (And) or.children().get(0);
    assertThat(and.children())
        .extracting(n -> ((Comparison) n).arguments().get(0).text())
        .containsExactly(x, y);
    assertThat(((Comparison) or.children().get(1)).arguments().get(0).text()).isEqualTo(z);
  }
}

package dev.jamfmcp.simulator.rsql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Properties of the RSQL parser and matcher, biased toward RSQL's own special characters. */
class RsqlPropertyTest {
  private static final String SPECIALS = "\"'();,=!<>*\\ \t~";

  /** Renders a tree back to RSQL, choosing spellings at random; parsing must give the tree back. */
  @Property(tries = 300)
  void renderedTreesParseBack(@ForAll("trees") RsqlNode tree, @ForAll long style) {
    String text = render(tree, new java.util.Random(style));
    assertThat(RsqlParser.parse(text)).as(text).contains(tree);
  }

  /** Any value survives quoting with either quote character. */
  @Property(tries = 300)
  void anyQuotedValueRoundTrips(@ForAll("values") String value, @ForAll boolean doubleQuotes) {
    String filter = "general.name==" + quote(value, doubleQuotes ? '"' : '\'');
    assertThat(RsqlParser.parse(filter))
        .contains(new RsqlNode.Comparison("general.name", RsqlOperator.EQ, List.of(value)));
  }

  /** Garbage is refused with an RSQL error, never with any other exception. */
  @Property(tries = 1000)
  void arbitraryInputEitherParsesOrIsInvalidRsql(@ForAll("noise") String input) {
    try {
      RsqlParser.parse(input);
    } catch (RsqlException e) {
      assertThat(e.code()).isEqualTo(RsqlException.INVALID_RSQL_FILTER);
    }
  }

  /** Wildcard matching agrees with the equivalent case-insensitive regular expression. */
  @Property(tries = 1000)
  void globAgreesWithRegex(
      @ForAll("patterns") String pattern,
      @ForAll @StringLength(max = 8) String suffix,
      @ForAll("texts") String text) {
    String glob = pattern.replace('*', RsqlParser.WILDCARD);
    Pattern regex =
        Pattern.compile(
            toRegex(pattern), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    if (glob.indexOf(RsqlParser.WILDCARD) >= 0) {
      for (String candidate : new String[] {text, text + suffix, pattern.replace("*", "")}) {
        assertThat(new Glob(glob).matches(candidate))
            .as(pattern + " vs " + candidate)
            .isEqualTo(regex.matcher(candidate).matches());
      }
    }
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.strings()
        .withChars(SPECIALS)
        .withChars('a', 'Z')
        .withChars('é', 'ü')
        .ofMaxLength(12);
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.strings().withChars(SPECIALS).withChars("abidn.01").ofMaxLength(24);
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.strings().withChars("abAB*.").ofMinLength(1).ofMaxLength(6);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("abAB.").ofMaxLength(8);
  }

  @Provide
  Arbitrary<RsqlNode> trees() {
    return tree(3);
  }

  private Arbitrary<RsqlNode> tree(int depth) {
    Arbitrary<RsqlNode> leaf = comparison();
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<List<RsqlNode>> children =
        Arbitraries.lazy(() -> tree(depth - 1)).list().ofMinSize(2).ofMaxSize(3);
    return Arbitraries.oneOf(
        leaf, leaf, children.map(RsqlNode.And::new), children.map(RsqlNode.Or::new));
  }

  private Arbitrary<RsqlNode> comparison() {
    Arbitrary<String> field =
        Arbitraries.of("id", "general.name", "hardware.serialNumber", "user_and-location.x");
    Arbitrary<RsqlOperator> op = Arbitraries.of(RsqlOperator.class);
    Arbitrary<List<String>> args = values().list().ofMinSize(1).ofMaxSize(3);
    return Combinators.combine(field, op, args)
        .as((f, o, a) -> new RsqlNode.Comparison(f, o, o.multiValued() ? a : List.of(a.get(0))));
  }

  private static String render(RsqlNode node, java.util.Random random) {
    if (node instanceof RsqlNode.Comparison c) {
      String symbol = random.nextBoolean() ? c.operator().fiql() : c.operator().alias();
      List<String> values = new ArrayList<>();
      for (String value : c.arguments()) {
        values.add(quote(value, random.nextBoolean() ? '"' : '\''));
      }
      String args =
          c.operator().multiValued() && (values.size() > 1 || random.nextBoolean())
              ? "(" + String.join(random.nextBoolean() ? "," : " , ", values) + ")"
              : values.get(0);
      return c.selector() + symbol + args;
    }
    boolean and = node instanceof RsqlNode.And;
    List<RsqlNode> children =
        and ? ((RsqlNode.And) node).children() : ((RsqlNode.Or) node).children();
    String separator =
        and ? (random.nextBoolean() ? ";" : " and ") : (random.nextBoolean() ? "," : " OR ");
    List<String> parts = new ArrayList<>();
    for (RsqlNode child : children) {
      String text = render(child, random);
      parts.add(child instanceof RsqlNode.Comparison ? text : "(" + text + ")");
    }
    return String.join(separator, parts);
  }

  /** Quotes a value whose stars are literal: backslash, the quote and '*' are escaped. */
  private static String quote(String value, char quote) {
    StringBuilder out = new StringBuilder().append(quote);
    for (char c : value.toCharArray()) {
      if (c == '\\' || c == quote || c == '*') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append(quote).toString();
  }

  private static String toRegex(String pattern) {
    List<String> parts = new ArrayList<>();
    for (String part : pattern.split("\\*", -1)) {
      parts.add(Pattern.quote(part));
    }
    return String.join(".*", parts);
  }
}

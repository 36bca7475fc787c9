package dev.jamfmcp.simulator.rsql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recursive-descent parser for Jamf's RSQL dialect.
 *
 * <pre>
 * or         := and ((',' | WS 'or' WS) and)*
 * and        := primary ((';' | WS 'and' WS) primary)*
 * primary    := '(' or ')' | comparison
 * comparison := selector operator (value | '(' value (',' value)* ')')
 * operator   := '==' | '!=' | '<' | '<=' | '>' | '>=' | '=' letters '='
 * value      := unquoted | '"' chars '"' | "'" chars "'"     (backslash escapes the next char)
 * </pre>
 */
public final class RsqlParser {
  /** Stands for an unescaped {@code *} inside parsed arguments (a private-use character). */
  public static final char WILDCARD = '\uE000';

  private static final String RESERVED = "()\";',=!<>";

  private final String input;
  private int pos;

  private RsqlParser(String input) {
    this.input = input;
  }

  /** Parses {@code filter}; an empty or blank filter yields an empty result (match all). */
  public static Optional<RsqlNode> parse(String filter) {
    if (filter == null || filter.isBlank()) {
      return Optional.empty();
    }
    RsqlParser parser = new RsqlParser(filter);
    RsqlNode node = parser.or();
    parser.skipWhitespace();
    if (!parser.atEnd()) {
      throw parser.error("unexpected '" + parser.peek() + "'");
    }
    return Optional.of(node);
  }

  private RsqlNode or() {
    List<RsqlNode> children = new ArrayList<>(List.of(and()));
    while (true) {
      boolean spaced = skipWhitespace();
      if (consume(',')) {
        children.add(and());
      } else if (spaced && keyword("or")) {
        children.add(and());
      } else {
        break;
      }
    }
    return children.size() == 1 ? children.get(0) : new RsqlNode.Or(children);
  }

  private RsqlNode and() {
    List<RsqlNode> children = new ArrayList<>(List.of(primary()));
    while (true) {
      int before = pos;
      boolean spaced = skipWhitespace();
      if (consume(';')) {
        children.add(primary());
      } else if (spaced && keyword("and")) {
        children.add(primary());
      } else {
        pos = before; // leave the whitespace for an enclosing 'or' to see
        break;
      }
    }
    return children.size() == 1 ? children.get(0) : new RsqlNode.And(children);
  }

  private RsqlNode primary() {
    skipWhitespace();
    if (consume('(')) {
      RsqlNode inner = or();
      skipWhitespace();
      expect(')');
      return inner;
    }
    return comparison();
  }

  private RsqlNode comparison() {
    String selector = selector();
    skipWhitespace();
    RsqlOperator operator = operator();
    skipWhitespace();
    List<String> arguments = new ArrayList<>();
    if (consume('(')) {
      do {
        skipWhitespace();
        arguments.add(value());
        skipWhitespace();
      } while (consume(','));
      expect(')');
    } else {
      arguments.add(value());
    }
    if (arguments.size() > 1 && !operator.multiValued()) {
      throw error("operator " + operator.fiql() + " takes a single value");
    }
    return new RsqlNode.Comparison(selector, operator, arguments);
  }

  private String selector() {
    int start = pos;
    while (!atEnd() && isSelectorChar(peek())) {
      pos++;
    }
    if (start == pos) {
      throw error(atEnd() ? "expected a field name but the filter ended" : "expected a field name");
    }
    return input.substring(start, pos);
  }

  private static boolean isSelectorChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
  }

  private RsqlOperator operator() {
    int start = pos;
    if (consume('=')) {
      if (!consume('=')) {
        while (!atEnd() && Character.isLetter(peek())) {
          pos++;
        }
        expect('=');
      }
    } else if (consume('!')) {
      expect('=');
    } else if (consume('<') || consume('>')) {
      consume('=');
    } else {
      throw error("expected a comparison operator");
    }
    String symbol = input.substring(start, pos).toLowerCase(Locale.ROOT);
    return RsqlOperator.fromSymbol(symbol)
        .orElseThrow(
            () ->
                new RsqlException(
                    RsqlException.INVALID_RSQL_FILTER,
                    "filter",
                    "unknown operator '" + symbol + "' at position " + start));
  }

  private String value() {
    if (atEnd()) {
      throw error("expected a value but the filter ended");
    }
    char quote = peek();
    if (quote == '"' || quote == '\'') {
      pos++;
      StringBuilder out = new StringBuilder();
      while (true) {
        if (atEnd()) {
          throw error("unterminated quoted value");
        }
        char c = input.charAt(pos++);
        if (c == quote) {
          return out.toString();
        }
        appendValueChar(out, c);
      }
    }
    StringBuilder out = new StringBuilder();
    while (!atEnd() && !Character.isWhitespace(peek()) && RESERVED.indexOf(peek()) < 0) {
      appendValueChar(out, input.charAt(pos++));
    }
    if (out.length() == 0) {
      throw error("expected a value");
    }
    return out.toString();
  }

  private void appendValueChar(StringBuilder out, char c) {
    if (c == '\\') {
      if (atEnd()) {
        throw error("dangling backslash");
      }
      out.append(input.charAt(pos++)); // escaped: always literal, even '*'
    } else if (c == '*') {
      out.append(WILDCARD);
    } else {
      out.append(c);
    }
  }

  /** Consumes {@code word} when it stands alone, followed by whitespace or '('. */
  private boolean keyword(String word) {
    int end = pos + word.length();
    if (end < input.length() && input.regionMatches(true, pos, word, 0, word.length())) {
      char next = input.charAt(end);
      if (Character.isWhitespace(next) || next == '(') {
        pos = end;
        return true;
      }
    }
    return false;
  }

  private boolean skipWhitespace() {
    int start = pos;
    while (!atEnd() && Character.isWhitespace(peek())) {
      pos++;
    }
    return pos > start;
  }

  private boolean consume(char c) {
    if (!atEnd() && peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) {
      throw error(atEnd() ? "expected '" + c + "' but the filter ended" : "expected '" + c + "'");
    }
  }

  private boolean atEnd() {
    return pos >= input.length();
  }

  private char peek() {
    return input.charAt(pos);
  }

  private RsqlException error(String what) {
    return RsqlException.syntax("Invalid RSQL filter: " + what + " at position " + pos);
  }
}

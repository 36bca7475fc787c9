package dev.jamfmcp.jamf;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RSQL parser for tests (the grammar of jirutka/rsql-parser, which Jamf Pro uses): proves
 * that what {@link Rsql} writes is read back with the structure and values intended. Any syntax
 * error or trailing input throws.
 */
final class RsqlTokenizer {

  sealed interface Node permits Comparison, And, Or {}

  record Comparison(String selector, String operator, List<Value> arguments) implements Node {}

  record And(List<Node> children) implements Node {}

  record Or(List<Node> children) implements Node {}

  /** An argument: its text with escapes removed, and where unescaped {@code *} wildcards stood. */
  record Value(String text, List<Integer> wildcards) {}

  private static final String RESERVED = "\"'();,=!~<> \t\r\n";

  private final String in;
  private int pos;

  private RsqlTokenizer(String in) {
    this.in = in;
  }

  static Node parse(String input) {
    RsqlTokenizer t = new RsqlTokenizer(input);
    Node node = t.or();
    if (t.pos != input.length()) {
      throw new IllegalArgumentException("trailing input at " + t.pos + ": " + input);
    }
    return node;
  }

  private Node or() {
    List<Node> parts = new ArrayList<>(List.of(and()));
    while (peek(',')) {
      pos++;
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new Or(parts);
  }

  private Node and() {
    List<Node> parts = new ArrayList<>(List.of(constraint()));
    while (peek(';')) {
      pos++;
      parts.add(constraint());
    }
    return parts.size() == 1 ? parts.get(0) : new And(parts);
  }

  private Node constraint() {
    if (peek('(')) {
      pos++;
      Node inner = or();
      expect(')');
      return inner;
    }
    String selector = unreserved();
    String operator = operator();
    List<Value> args = new ArrayList<>();
    if (peek('(')) {
      pos++;
      args.add(value());
      while (peek(',')) {
        pos++;
        args.add(value());
      }
      expect(')');
    } else {
      args.add(value());
    }
    return new Comparison(selector, operator, args);
  }

  private String operator() {
    for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
      if (in.startsWith(op, pos)) {
        pos += op.length();
        return op;
      }
    }
    int start = pos;
    expect('=');
    while (pos < in.length() && Character.isLetter(in.charAt(pos))) {
      pos++;
    }
    expect('=');
    if (pos - start < 3) {
      throw new IllegalArgumentException("bad operator at " + start);
    }
    return in.substring(start, pos);
  }

  private Value value() {
    if (peek('"') || peek('\'')) {
      char quote = in.charAt(pos++);
      StringBuilder text = new StringBuilder();
      List<Integer> wildcards = new ArrayList<>();
      while (true) {
        if (pos >= in.length()) {
          throw new IllegalArgumentException("unterminated string");
        }
        char c = in.charAt(pos++);
        if (c == quote) {
          return new Value(text.toString(), wildcards);
        }
        if (c == '\\') {
          if (pos >= in.length()) {
            throw new IllegalArgumentException("dangling escape");
          }
          text.append(in.charAt(pos++));
        } else {
          if (c == '*') {
            wildcards.add(text.length());
          }
          text.append(c);
        }
      }
    }
    String raw = unreserved();
    List<Integer> wildcards = new ArrayList<>();
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) == '*') {
        wildcards.add(i);
      }
    }
    return new Value(raw, wildcards);
  }

  private String unreserved() {
    int start = pos;
    while (pos < in.length() && RESERVED.indexOf(in.charAt(pos)) < 0) {
      pos++;
    }
    if (pos == start) {
      throw new IllegalArgumentException("expected a selector or value at " + start + ": " + in);
    }
    return in.substring(start, pos);
  }

  private boolean peek(char c) {
    return pos < in.length() && in.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw new IllegalArgumentException("expected '" + c + "' at " + pos + ": " + in);
    }
    pos++;
  }
}

package dev.jamfmcp.simulator.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Turns a smart group's criteria into a predicate over device rows, the way Jamf Pro evaluates
 * them: {@code and} binds tighter than {@code or}, parentheses group; no criteria means every
 * device. Refuses, with a message naming the criterion, what Jamf would refuse (priorities not 0,
 * 1, 2, ..., andOr other than and/or, unbalanced parentheses) and what the simulator cannot
 * evaluate (a field or search type it does not know).
 */
public final class CriteriaCompiler {
  private final Map<String, SmartField> fields;
  private final long nowMillis;

  CriteriaCompiler(Map<String, SmartField> fields, long nowMillis) {
    Map<String, SmartField> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(fields);
    this.fields = byName;
    this.nowMillis = nowMillis;
  }

  /** The field names this compiler evaluates, sorted. */
  public List<String> fieldNames() {
    return List.copyOf(fields.keySet());
  }

  public IntPredicate compile(List<Criterion> criteria) {
    List<Object> tokens = new ArrayList<>();
    int depth = 0;
    for (int i = 0; i < criteria.size(); i++) {
      Criterion c = criteria.get(i);
      String where = "Criterion " + (i + 1) + " ('" + c.name() + "')";
      if (c.priority() != i) {
        throw new InvalidCriteria(
            "Invalid priority order in criteria: "
                + where
                + " has priority "
                + c.priority()
                + ", expected "
                + i
                + " (0, 1, 2, ... in order)");
      }
      String andOr = c.andOr() == null ? "" : c.andOr().toLowerCase(Locale.ROOT);
      if (!andOr.equals("and") && !andOr.equals("or")) {
        throw new InvalidCriteria(
            where + ": andOr must be \"and\" or \"or\", not '" + c.andOr() + "'");
      }
      if (i > 0) {
        tokens.add(andOr);
      }
      if (c.openingParen()) {
        tokens.add("(");
        depth++;
      }
      tokens.add(predicate(c, where));
      if (c.closingParen()) {
        tokens.add(")");
        if (--depth < 0) {
          throw new InvalidCriteria(where + " closes a parenthesis that was never opened");
        }
      }
    }
    if (depth != 0) {
      throw new InvalidCriteria("Unbalanced parentheses: " + depth + " opened and never closed");
    }
    if (tokens.isEmpty()) {
      return row -> true;
    }
    Parser parser = new Parser(tokens);
    IntPredicate result = parser.or();
    if (parser.at < tokens.size()) {
      throw new InvalidCriteria("Parentheses do not group whole criteria");
    }
    return result;
  }

  private IntPredicate predicate(Criterion c, String where) {
    if (c.name() == null || c.name().isBlank()) {
      throw new InvalidCriteria(where + " has no field name");
    }
    SmartField field = fields.get(c.name().trim());
    if (field == null) {
      throw new InvalidCriteria(
          where
              + ": the simulator cannot evaluate field '"
              + c.name()
              + "'; it evaluates "
              + String.join(", ", fields.keySet()));
    }
    String searchType =
        c.searchType() == null ? "" : c.searchType().trim().toLowerCase(Locale.ROOT);
    if (!field.searchTypes().contains(searchType)) {
      throw new InvalidCriteria(
          where
              + ": search type '"
              + c.searchType()
              + "' does not apply to '"
              + c.name()
              + "'; use one of "
              + String.join(", ", field.searchTypes()));
    }
    if (c.value() == null) {
      throw new InvalidCriteria(where + " has no value");
    }
    try {
      return field.test(searchType, c.value(), nowMillis);
    } catch (InvalidCriteria e) {
      throw new InvalidCriteria(where + ": " + e.getMessage());
    }
  }

  /** Recursive descent over predicates, "and", "or", "(" and ")". */
  private static final class Parser {
    private final List<Object> tokens;
    private int at;

    Parser(List<Object> tokens) {
      this.tokens = tokens;
    }

    IntPredicate or() {
      IntPredicate left = and();
      while (at < tokens.size() && "or".equals(tokens.get(at))) {
        at++;
        left = left.or(and());
      }
      return left;
    }

    IntPredicate and() {
      IntPredicate left = operand();
      while (at < tokens.size() && "and".equals(tokens.get(at))) {
        at++;
        left = left.and(operand());
      }
      return left;
    }

    IntPredicate operand() {
      Object token = at < tokens.size() ? tokens.get(at++) : null;
      if ("(".equals(token)) {
        IntPredicate inner = or();
        if (at >= tokens.size() || !")".equals(tokens.get(at))) {
          throw new InvalidCriteria("Parentheses do not group whole criteria");
        }
        at++;
        return inner;
      }
      if (token instanceof IntPredicate p) {
        return p;
      }
      throw new InvalidCriteria("Parentheses do not group whole criteria");
    }
  }
}

package dev.jamfmcp.simulator.rsql;

import java.util.List;

/** The syntax tree of an RSQL filter. */
public sealed interface RsqlNode {

  /** Both sides must hold ({@code ;} or {@code and}). */
  record And(List<RsqlNode> children) implements RsqlNode {
    public And {
      children = List.copyOf(children);
    }
  }

  /** Either side may hold ({@code ,} or {@code or}). */
  record Or(List<RsqlNode> children) implements RsqlNode {
    public Or {
      children = List.copyOf(children);
    }
  }

  /**
   * {@code selector operator arguments}. Unescaped {@code *} in an argument is stored as {@link
   * RsqlParser#WILDCARD} so that an escaped {@code \*} can stay a literal star.
   */
  record Comparison(String selector, RsqlOperator operator, List<String> arguments)
      implements RsqlNode {
    public Comparison {
      arguments = List.copyOf(arguments);
    }
  }
}

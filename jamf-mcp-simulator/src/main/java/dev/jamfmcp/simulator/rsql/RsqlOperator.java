package dev.jamfmcp.simulator.rsql;

import java.util.Optional;

/** The comparison operators Jamf accepts, with their FIQL spelling and short alias. */
public enum RsqlOperator {
  EQ("==", "=="),
  NE("!=", "!="),
  LT("=lt=", "<"),
  LE("=le=", "<="),
  GT("=gt=", ">"),
  GE("=ge=", ">="),
  IN("=in=", "=in="),
  OUT("=out=", "=out=");

  private final String fiql;
  private final String alias;

  RsqlOperator(String fiql, String alias) {
    this.fiql = fiql;
    this.alias = alias;
  }

  public String fiql() {
    return fiql;
  }

  public String alias() {
    return alias;
  }

  public boolean multiValued() {
    return this == IN || this == OUT;
  }

  public static Optional<RsqlOperator> fromSymbol(String symbol) {
    for (RsqlOperator op : values()) {
      if (op.fiql.equals(symbol) || op.alias.equals(symbol)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}

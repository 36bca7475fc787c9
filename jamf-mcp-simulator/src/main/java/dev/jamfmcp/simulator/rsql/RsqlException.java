package dev.jamfmcp.simulator.rsql;

/**
 * A filter or sort the server refuses; the routes turn it into Jamf's 400 error body. {@code code}
 * is INVALID_RSQL_FILTER for syntax and value errors, INVALID_FIELD for unknown fields.
 */
public final class RsqlException extends RuntimeException {
  public static final String INVALID_RSQL_FILTER = "INVALID_RSQL_FILTER";
  public static final String INVALID_FIELD = "INVALID_FIELD";

  private final String code;
  private final String parameter;

  public RsqlException(String code, String parameter, String description) {
    super(description);
    this.code = code;
    this.parameter = parameter;
  }

  public static RsqlException syntax(String description) {
    return new RsqlException(INVALID_RSQL_FILTER, "filter", description);
  }

  public String code() {
    return code;
  }

  /** The query parameter at fault: {@code filter} or {@code sort}. */
  public String parameter() {
    return parameter;
  }
}

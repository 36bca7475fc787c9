package dev.jamfmcp.mcp.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A compiled JSON Schema (draft 2020-12 unless the schema names another dialect). Compiling at
 * registration makes a broken schema fail at start-up instead of at the first call.
 */
public final class SchemaValidator {
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  /** Errors listed in one message at most; the rest are counted. */
  private static final int MAX_REPORTED = 5;

  private final Schema schema;

  private SchemaValidator(Schema schema) {
    this.schema = schema;
  }

  public static SchemaValidator compile(JsonNode schemaNode) {
    return new SchemaValidator(REGISTRY.getSchema(schemaNode));
  }

  /** The problems found, each naming the field, as one sentence per problem. */
  public List<String> validate(JsonNode instance) {
    List<Error> errors = schema.validate(instance);
    return errors.stream().map(SchemaValidator::describe).toList();
  }

  /** Joins problems into one message a model can act on. */
  public static String summarize(List<String> problems) {
    StringBuilder text = new StringBuilder();
    int shown = Math.min(problems.size(), MAX_REPORTED);
    for (int i = 0; i < shown; i++) {
      text.append(i == 0 ? "" : "; ").append(problems.get(i));
    }
    if (problems.size() > shown) {
      text.append("; and ").append(problems.size() - shown).append(" more");
    }
    return text.toString();
  }

  private static String describe(Error error) {
    String location =
        error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
    String message = error.getMessage();
    if (message == null) {
      return location + ": invalid (" + error.getKeyword() + ")";
    }
    // The library's message already starts with the location; keep it, as the field name matters.
    return message.startsWith(location) ? message : location + ": " + message;
  }
}

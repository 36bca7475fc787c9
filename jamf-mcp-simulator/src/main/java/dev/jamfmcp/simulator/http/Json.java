package dev.jamfmcp.simulator.http;

import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's one Jackson mapper: pretty output like Jamf Pro's, compact like the Classic
 * API's.
 */
public final class Json {
  public static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
  private static final ObjectWriter COMPACT = MAPPER.writer();

  private Json() {}

  /** Jamf Pro API style: {@code "key" : value}, two-space indent (Jackson's default printer). */
  static JsonGenerator pretty(OutputStream out) {
    return PRETTY.createGenerator(out);
  }

  static JsonGenerator compact(OutputStream out) {
    return COMPACT.createGenerator(out);
  }
}

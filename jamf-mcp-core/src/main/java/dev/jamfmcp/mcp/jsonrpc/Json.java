package dev.jamfmcp.mcp.jsonrpc;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one Jackson mapper of the engine, with limits that hostile input cannot get around. */
public final class Json {
  /** Deeper nesting than this is refused at parse time, before any handler sees it. */
  public static final int MAX_NESTING_DEPTH = 128;

  /** Longest number literal accepted; longer ones are a parse error rather than a CPU sink. */
  public static final int MAX_NUMBER_LENGTH = 100;

  private Json() {}

  /**
   * The mapper.
   *
   * @throws IllegalStateException when the class path's jackson-annotations is too old for Jackson
   *     3 ({@link JacksonFloor}), each time, before Jackson is touched
   */
  public static JsonMapper mapper() {
    JacksonFloor.require();
    return Holder.MAPPER;
  }

  public static JsonNodeFactory nodes() {
    return mapper().getNodeFactory();
  }

  public static ObjectNode object() {
    return mapper().createObjectNode();
  }

  /** Built on first use, after the floor check, so a too-old class path never poisons Json. */
  private static final class Holder {
    private static final JsonMapper MAPPER =
        JsonMapper.builder(
                JsonFactory.builder()
                    .streamReadConstraints(
                        StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .build())
                    .build())
            // {"id":1,"id":2} is ambiguous: refuse it instead of silently taking the last value
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
  }
}

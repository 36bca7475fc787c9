package dev.jamfmcp.jamf.internal;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper for Jamf payloads: tolerant of fields we do not model. */
public final class Json {

  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          // Pages are read record by record from one parser; more tokens follow each record.
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // Classic API JSON is converted from XML; a list of one can come back as an object.
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .build();

  private Json() {}
}

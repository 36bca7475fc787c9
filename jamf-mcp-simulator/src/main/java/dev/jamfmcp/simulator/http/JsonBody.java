package dev.jamfmcp.simulator.http;

import tools.jackson.core.JsonGenerator;

/** Writes one response body onto a streaming generator. */
@FunctionalInterface
public interface JsonBody {
  void write(JsonGenerator json) throws Exception;
}

package dev.jamfmcp.simulator.http;

/** Answers one routed request. */
@FunctionalInterface
public interface Handler {
  void handle(Exchange ex) throws Exception;
}

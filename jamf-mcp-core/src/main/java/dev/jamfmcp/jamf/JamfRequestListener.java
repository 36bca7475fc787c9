package dev.jamfmcp.jamf;

/**
 * Told about every HTTP exchange with Jamf Pro, for metrics or tracing: set with {@link
 * JamfClientBuilder#requestListener}. Called on the thread that made the request, once the exchange
 * is over (answered or failed), so it must be quick and must not block; an exception it throws is
 * logged and otherwise ignored, never failing the request.
 */
@FunctionalInterface
public interface JamfRequestListener {

  /** Listens to nothing (the default). */
  JamfRequestListener NONE = exchange -> {};

  void exchanged(JamfExchange exchange);
}

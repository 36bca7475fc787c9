package dev.jamfmcp.jamf.internal;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns once per endpoint when Jamf marks it deprecated, so operators hear before it is removed.
 */
final class DeprecationLayer implements Layer {

  private static final Logger log = LoggerFactory.getLogger(DeprecationLayer.class);

  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  @Override
  public JamfResponse handle(JamfRequest request, Next next) throws IOException {
    JamfResponse response = next.send(request);
    var deprecation = response.header("Deprecation");
    var sunset = response.header("Sunset");
    if ((deprecation.isPresent() || sunset.isPresent()) && warned.add(request.operation())) {
      log.warn(
          "Jamf Pro marks {} as deprecated (Deprecation: {}, Sunset: {})",
          request.operation(),
          deprecation.orElse("-"),
          sunset.orElse("-"));
    }
    return response;
  }

  boolean warnedAbout(String operation) {
    return warned.contains(operation);
  }
}

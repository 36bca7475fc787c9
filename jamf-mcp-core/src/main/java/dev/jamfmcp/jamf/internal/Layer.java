package dev.jamfmcp.jamf.internal;

import java.io.IOException;

/**
 * One step around the HTTP exchange (auth, retry, limit, ...), in the manner of an OkHttp
 * interceptor: do something, call {@code next.send}, maybe again, return the answer.
 */
@FunctionalInterface
public interface Layer {

  JamfResponse handle(JamfRequest request, Next next) throws IOException;

  /** The rest of the chain below a layer. */
  @FunctionalInterface
  interface Next {
    JamfResponse send(JamfRequest request) throws IOException;
  }
}

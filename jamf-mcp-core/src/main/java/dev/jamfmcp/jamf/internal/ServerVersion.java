package dev.jamfmcp.jamf.internal;

import dev.jamfmcp.jamf.JamfProVersion;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The Jamf Pro version of the server a client and its variants talk to: read once, on the first
 * request that depends on it, then kept (a failed read is not kept, so the next call asks again).
 */
public final class ServerVersion {
  private final AtomicReference<JamfProVersion> known = new AtomicReference<>();

  /** Sets the version without asking (the builder's {@code jamfProVersion}). */
  public void pin(JamfProVersion version) {
    known.set(version);
  }

  JamfProVersion get(Supplier<JamfProVersion> read) {
    JamfProVersion version = known.get();
    if (version == null) {
      // Two first callers may both ask; both get the same answer, and one is kept.
      version = read.get();
      known.compareAndSet(null, version);
    }
    return version;
  }
}

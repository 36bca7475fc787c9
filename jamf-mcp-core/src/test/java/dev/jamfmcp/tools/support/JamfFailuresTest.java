package dev.jamfmcp.tools.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.JamfServerException;
import dev.jamfmcp.jamf.JamfTimeoutException;
import dev.jamfmcp.jamf.JamfUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

/** What a write's failure tells the model about what happened (found by the fault harness). */
class JamfFailuresTest {
  private static final String OP = "POST /api/v2/mdm/commands";

  @Test
  void aConnectionCutAfterSendingIsAnUnknownOutcomeNotNothingChanged() {
    // Regression: a reset mid-answer to an MDM POST said "Try again shortly. Nothing was
    // changed." although Jamf Pro had queued the command; retrying sent it twice.
    var cut =
        new JamfUnavailableException(
            "The connection to Jamf Pro failed during " + OP,
            0,
            null,
            OP,
            new IOException("fixed content-length: 144, bytes received: 72"));
    String message = JamfFailures.onWrite(cut, null).getMessage();
    assertThat(message)
        .doesNotContain("Nothing was changed")
        .doesNotContain("Try again shortly")
        .contains("outcome is unknown")
        .contains("Check before trying again");
  }

  @Test
  void aTimeoutOfAWriteIsAnUnknownOutcome() {
    var late =
        new JamfTimeoutException(
            "Jamf Pro did not answer " + OP,
            0,
            null,
            OP,
            new HttpTimeoutException("no complete answer within 2000 ms"));
    assertThat(JamfFailures.onWrite(late, "1 of 2 devices done").getMessage())
        .contains("outcome is unknown")
        .contains("Before this request: 1 of 2 devices done");
  }

  @Test
  void refusedConnectionsAndErrorAnswersChangedNothing() {
    var refused =
        new JamfUnavailableException(
            "Could not connect to Jamf Pro for " + OP,
            0,
            null,
            OP,
            new ConnectException("Connection refused"));
    assertThat(JamfFailures.onWrite(refused, null).getMessage()).contains("Nothing was changed");
    var answered = new JamfUnavailableException(OP + " failed with HTTP 503", 503, null, OP, null);
    assertThat(JamfFailures.onWrite(answered, null).getMessage()).contains("Nothing was changed");
    var failed = new JamfServerException(OP + " failed with HTTP 500", 500, null, OP, null);
    assertThat(JamfFailures.onWrite(failed, null).getMessage()).contains("Nothing was changed");
  }

  @Test
  void readsAlwaysChangedNothing() {
    var cut = new JamfUnavailableException("cut", 0, null, "GET /x", new IOException("reset"));
    assertThat(JamfFailures.onRead(cut).getMessage()).contains("Nothing was changed");
  }
}

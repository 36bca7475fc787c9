package dev.jamfmcp.jamf;

import static dev.jamfmcp.jamf.FakeJamf.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jamfmcp.mcp.testing.CapturedLog;
import dev.jamfmcp.mcp.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Secrets and tokens never reach the log or an exception, whatever the auth flow does. */
@Timeout(60)
class LogSecrecyTest {

  @StartStop final MockWebServer server = new MockWebServer();

  private static final String USER_PASSWORD = "pa55-w0rd-n0t-f0r-l0gs";
  private static final String USER_TOKEN_1 = "eyJ-user-token-one";
  private static final String USER_TOKEN_2 = "eyJ-user-token-two";

  @Test
  void apiClientFlowLogsNeitherSecretNorTokens() {
    FakeJamf jamf = new FakeJamf();
    jamf.handler =
        r ->
            "Bearer tok-1".equals(FakeJamf.bearer(r))
                ? json(401, "{\"httpStatus\":401,\"errors\":[]}")
                : new MockResponse.Builder(json(503, "{}")).setHeader("Retry-After", "0").build();
    server.setDispatcher(jamf);
    String log;
    Throwable failure;
    try (CapturedLog captured = new CapturedLog();
        JamfClient client = FakeJamf.clientFor(server).maxRetries(1).build()) {
      failure = catchThrowable(client::jamfProVersion);
      log = captured.text();
    }
    assertThat(log).contains("Obtained an API client token").contains("Retrying");
    assertThat(log).doesNotContain(FakeJamf.SECRET, "tok-1", "tok-2");
    assertThat(failure).isInstanceOf(JamfUnavailableException.class);
    assertThat(failure.getMessage()).doesNotContain(FakeJamf.SECRET, "tok-1", "tok-2");
  }

  @Test
  void userAccountFlowWithKeepAliveLogsNeitherPasswordNorTokens() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    server.enqueue(
        json(200, "{\"token\":\"" + USER_TOKEN_1 + "\",\"expires\":\"2026-01-01T00:30:00Z\"}"));
    server.enqueue(json(200, "{\"version\":\"1\"}"));
    server.enqueue(json(401, "{\"httpStatus\":401,\"errors\":[]}")); // keep-alive refused
    server.enqueue(
        json(200, "{\"token\":\"" + USER_TOKEN_2 + "\",\"expires\":\"2026-01-01T01:00:00Z\"}"));
    server.enqueue(json(200, "{\"version\":\"1\"}"));
    server.enqueue(json(401, "{\"httpStatus\":401,\"errors\":[]}"));
    server.enqueue(json(401, "{\"error\":\"bad\"}")); // and now the password is refused too
    String log;
    Throwable failure;
    try (CapturedLog captured = new CapturedLog();
        JamfClient client =
            JamfClient.builder()
                .baseUrl(server.url("/").toString())
                .userAccount("admin", USER_PASSWORD)
                .clock(clock)
                .build()) {
      client.jamfProVersion();
      clock.advance(Duration.ofMinutes(29));
      client.jamfProVersion();
      failure = catchThrowable(client::jamfProVersion);
      log = captured.text();
      assertThat(client.toString()).doesNotContain(USER_PASSWORD);
    }
    assertThat(log)
        .contains("Obtained a token for user admin")
        .contains("keep-alive answered HTTP 401");
    assertThat(log).doesNotContain(USER_PASSWORD, USER_TOKEN_1, USER_TOKEN_2, "YWRtaW46");
    assertThat(failure).isInstanceOf(JamfAuthException.class);
    assertThat(failure.getMessage()).doesNotContain(USER_PASSWORD, USER_TOKEN_1, USER_TOKEN_2);
  }
}

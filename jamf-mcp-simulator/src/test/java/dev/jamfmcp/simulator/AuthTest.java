package dev.jamfmcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-15T10:00:00Z"));
  private SimulatedJamfPro jamf;
  private SimClient client;

  @BeforeEach
  void start() {
    jamf =
        SimulatedJamfPro.start(
            SimulatorConfig.of(c -> c.computers(20).mobileDevices(5).clock(clock)));
    client = new SimClient(jamf);
  }

  @AfterEach
  void stop() {
    jamf.stop();
  }

  @Test
  void clientCredentialsOnBothTokenPaths() throws Exception {
    for (String path : new String[] {"/api/oauth/token", "/api/v1/oauth/token"}) {
      SimClient.Reply reply =
          client.form(
              path, "grant_type=client_credentials&client_id=sim-client&client_secret=sim-secret");
      assertThat(reply.status()).isEqualTo(200);
      JsonNode body = reply.json();
      assertThat(body.path("access_token").asString()).isNotBlank();
      assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
      assertThat(body.path("expires_in").asInt()).isEqualTo(599);
      assertThat(body.path("scope").isString()).isTrue();
    }
  }

  @Test
  void oauthErrorsAreRfc6749Shaped() throws Exception {
    SimClient.Reply wrongSecret =
        client.form(
            "/api/oauth/token",
            "grant_type=client_credentials&client_id=sim-client&client_secret=nope");
    assertThat(wrongSecret.status()).isEqualTo(401);
    assertThat(wrongSecret.json().path("error").asString()).isEqualTo("invalid_client");
    assertThat(wrongSecret.json().has("httpStatus")).isFalse();

    SimClient.Reply wrongGrant =
        client.form(
            "/api/v1/oauth/token",
            "grant_type=password&client_id=sim-client&client_secret=sim-secret");
    assertThat(wrongGrant.status()).isEqualTo(400);
    assertThat(wrongGrant.json().path("error").asString()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void missingBadAndExpiredTokensGetJamfs401() throws Exception {
    SimClient.Reply missing = client.get("/api/v1/departments");
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.body()).isEqualTo("{\n  \"httpStatus\" : 401,\n  \"errors\" : [ ]\n}");

    assertThat(client.token("not-a-token").get("/api/v1/departments").status()).isEqualTo(401);

    client.login();
    assertThat(client.get("/api/v1/departments").status()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(598));
    assertThat(client.get("/api/v1/departments").status()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(2));
    SimClient.Reply expired = client.get("/api/v1/departments");
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.json().path("httpStatus").asInt()).isEqualTo(401);
  }

  @Test
  void userTokenFromBasicAuthExpiresAfterThirtyMinutes() throws Exception {
    assertThat(client.basic("/api/v1/auth/token", "admin", "wrong").status()).isEqualTo(401);
    SimClient.Reply reply = client.basic("/api/v1/auth/token", "admin", "jamf1234");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(Instant.parse(reply.json().path("expires").asString()))
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    client.token(reply.json().path("token").asString());
    assertThat(client.get("/api/v1/jamf-pro-version").status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(30));
    assertThat(client.get("/api/v1/jamf-pro-version").status()).isEqualTo(401);
  }

  @Test
  void keepAliveSwapsTheUserToken() throws Exception {
    String first =
        client.basic("/api/v1/auth/token", "admin", "jamf1234").json().path("token").asString();
    clock.advance(Duration.ofMinutes(20));
    SimClient.Reply renewed = client.token(first).post("/api/v1/auth/keep-alive", "");
    assertThat(renewed.status()).isEqualTo(200);
    String second = renewed.json().path("token").asString();
    assertThat(second).isNotEqualTo(first);
    assertThat(client.token(first).get("/api/v1/jamf-pro-version").status()).isEqualTo(401);
    clock.advance(
        Duration.ofMinutes(20)); // 40 minutes after the first token: only the new one lives
    assertThat(client.token(second).get("/api/v1/jamf-pro-version").status()).isEqualTo(200);
  }

  @Test
  void apiClientTokensCannotBeKeptAlive() throws Exception {
    client.login();
    assertThat(client.post("/api/v1/auth/keep-alive", "").status()).isEqualTo(401);
  }

  @Test
  void invalidateTokenAnswers204AndKillsTheToken() throws Exception {
    client.login();
    SimClient.Reply reply = client.post("/api/v1/auth/invalidate-token", "");
    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.body()).isEmpty();
    assertThat(client.get("/api/v1/jamf-pro-version").status()).isEqualTo(401);
  }

  @Test
  void bearerTokensWorkOnTheClassicApiAndFailThereAsHtml() throws Exception {
    SimClient.Reply anonymous = client.getClassic("/JSSResource/policies");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("Content-Type")).startsWith("text/html");
    client.login();
    assertThat(client.getClassic("/JSSResource/policies").status()).isEqualTo(200);
  }

  @Test
  void configuredLifetimesAndCredentialsAreHonoured() throws Exception {
    jamf.stop();
    jamf =
        SimulatedJamfPro.start(
            SimulatorConfig.of(
                c ->
                    c.computers(1)
                        .clock(clock)
                        .clientCredentials("id-1", "s3cret")
                        .clientTokenLifetime(Duration.ofSeconds(299))));
    client = new SimClient(jamf);
    SimClient.Reply reply =
        client.form(
            "/api/oauth/token",
            "grant_type=client_credentials&client_id=id-1&client_secret=s3cret");
    assertThat(reply.json().path("expires_in").asInt()).isEqualTo(299);
  }
}

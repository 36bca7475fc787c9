package dev.jamfmcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * PreStage scopes: stored, versionLock incremented on each change and checked (409 when stale), a
 * serial in at most one PreStage (400 ALREADY_SCOPED), unknown serials and PreStages refused, and
 * every answer within the 11.30.1 schema.
 */
class PrestageScopeRoutesTest {
  private SimulatedJamfPro jamf;
  private SimClient client;
  private Contract contract;

  @BeforeEach
  void start() throws Exception {
    jamf = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(60).mobileDevices(30)));
    client = new SimClient(jamf).login();
    contract = Contract.load();
  }

  @AfterEach
  void stop() {
    jamf.stop();
  }

  private String computerSerial(int id) {
    return jamf.fleet().computers().serialNumber(jamf.fleet().computers().rowOf(id));
  }

  private static String update(int versionLock, String... serials) {
    StringBuilder body = new StringBuilder("{\"serialNumbers\":[");
    for (int i = 0; i < serials.length; i++) {
      body.append(i == 0 ? "" : ",").append('"').append(serials[i]).append('"');
    }
    return body.append("],\"versionLock\":").append(versionLock).append('}').toString();
  }

  @Test
  void scopesAreSeededAndServedWithinTheSchema() throws Exception {
    SimClient.Reply one = client.get("/api/v2/computer-prestages/1/scope");
    assertThat(one.status()).isEqualTo(200);
    assertThat(
            contract.problems(
                one.json(),
                contract.responseSchema("GET", "/v2/computer-prestages/{id}/scope", 200)))
        .isEmpty();
    assertThat(one.json().path("versionLock").asInt()).isEqualTo(1);
    assertThat(one.json().path("assignments").toString()).contains(computerSerial(1));
    assertThat(one.json().path("assignments").toString()).doesNotContain(computerSerial(4) + "\"");

    SimClient.Reply all = client.get("/api/v2/computer-prestages/scope");
    assertThat(
            contract.problems(
                all.json(), contract.responseSchema("GET", "/v2/computer-prestages/scope", 200)))
        .isEmpty();
    JsonNode bySerial = all.json().path("serialsByPrestageId");
    assertThat(bySerial.path(computerSerial(1)).asString()).isEqualTo("1");
    assertThat(bySerial.path(computerSerial(4)).asString()).isEqualTo("2");
    assertThat(bySerial.has(computerSerial(55))).isFalse();

    String mobileSerial = jamf.fleet().mobileDevices().get(2).serialNumber(); // id 3
    SimClient.Reply mobile = client.get("/api/v2/mobile-device-prestages/scope");
    assertThat(mobile.json().path("serialsByPrestageId").path(mobileSerial).asString())
        .isEqualTo("2");
    assertThat(client.get("/api/v2/mobile-device-prestages/9/scope").status()).isEqualTo(404);
    assertThat(client.get("/api/v2/computer-prestages/abc/scope").status()).isEqualTo(404);
  }

  @Test
  void addAndRemoveChangeTheScopeAndItsVersionLock() throws Exception {
    String free = computerSerial(55);
    SimClient.Reply added = client.post("/api/v2/computer-prestages/2/scope", update(1, free));
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(
            contract.problems(
                added.json(),
                contract.responseSchema("POST", "/v2/computer-prestages/{id}/scope", 200)))
        .isEmpty();
    assertThat(added.json().path("versionLock").asInt()).isEqualTo(2);
    assertThat(added.json().path("assignments").toString()).contains(free);
    assertThat(
            client
                .get("/api/v2/computer-prestages/scope")
                .json()
                .path("serialsByPrestageId")
                .path(free)
                .asString())
        .isEqualTo("2");

    SimClient.Reply stale =
        client.post("/api/v2/computer-prestages/2/scope/delete-multiple", update(1, free));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(contract.problems(stale.json(), contract.schema("ApiError"))).isEmpty();

    SimClient.Reply removed =
        client.post("/api/v2/computer-prestages/2/scope/delete-multiple", update(2, free));
    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.json().path("versionLock").asInt()).isEqualTo(3);
    assertThat(removed.json().path("assignments").toString()).doesNotContain(free);
    assertThat(
            client
                .get("/api/v2/computer-prestages/scope")
                .json()
                .path("serialsByPrestageId")
                .has(free))
        .isFalse();
  }

  @Test
  void aSerialIsInOnePrestageOnlyAndUnknownSerialsAreRefused() throws Exception {
    String inFirst = computerSerial(1);
    SimClient.Reply refused =
        client.post("/api/v2/computer-prestages/2/scope", update(1, computerSerial(55), inFirst));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(contract.problems(refused.json(), contract.schema("ApiError"))).isEmpty();
    JsonNode cause = refused.json().path("errors").get(0);
    assertThat(cause.path("code").asString()).isEqualTo("ALREADY_SCOPED");
    assertThat(cause.path("description").asString()).isEqualTo(inFirst);
    // nothing was changed: neither serial moved, the versionLock stayed
    JsonNode second = client.get("/api/v2/computer-prestages/2/scope").json();
    assertThat(second.path("versionLock").asInt()).isEqualTo(1);
    assertThat(second.path("assignments").toString()).doesNotContain(computerSerial(55));

    SimClient.Reply unknown =
        client.post("/api/v2/computer-prestages/2/scope", update(1, "NOTASERIAL1"));
    assertThat(unknown.status()).isEqualTo(400);
    // a mobile serial is no computer's
    String mobileSerial = jamf.fleet().mobileDevices().get(29).serialNumber();
    assertThat(client.post("/api/v2/computer-prestages/2/scope", update(1, mobileSerial)).status())
        .isEqualTo(400);
    assertThat(
            client
                .post("/api/v2/mobile-device-prestages/1/scope", update(1, mobileSerial))
                .status())
        .isEqualTo(200);
    assertThat(client.post("/api/v2/computer-prestages/7/scope", update(1, inFirst)).status())
        .isEqualTo(404);
    assertThat(client.post("/api/v2/computer-prestages/1/scope", "{\"versionLock\":1}").status())
        .isEqualTo(400);
  }
}

package dev.jamfmcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Every route exists in the Jamf API contract ({@link Contract}, the committed facts of Jamf Pro
 * 11.30.1) with its method and path template, and every key in every response is one the schema
 * declares.
 */
class ContractTest {
  private static final String ALL_COMPUTER_SECTIONS =
      String.join(
          "&section=",
          List.of(
              "GENERAL",
              "DISK_ENCRYPTION",
              "PURCHASING",
              "APPLICATIONS",
              "STORAGE",
              "USER_AND_LOCATION",
              "CONFIGURATION_PROFILES",
              "PRINTERS",
              "SERVICES",
              "HARDWARE",
              "LOCAL_USER_ACCOUNTS",
              "CERTIFICATES",
              "ATTACHMENTS",
              "PACKAGE_RECEIPTS",
              "SECURITY",
              "OPERATING_SYSTEM",
              "LICENSED_SOFTWARE",
              "IBEACONS",
              "SOFTWARE_UPDATES",
              "EXTENSION_ATTRIBUTES",
              "CONTENT_CACHING",
              "GROUP_MEMBERSHIPS"));
  private static final String ALL_MOBILE_SECTIONS =
      String.join(
          "&section=",
          List.of(
              "GENERAL",
              "HARDWARE",
              "USER_AND_LOCATION",
              "PURCHASING",
              "SECURITY",
              "APPLICATIONS",
              "EBOOKS",
              "NETWORK",
              "SERVICE_SUBSCRIPTIONS",
              "CERTIFICATES",
              "PROFILES",
              "USER_PROFILES",
              "PROVISIONING_PROFILES",
              "SHARED_USERS",
              "GROUPS",
              "EXTENSION_ATTRIBUTES"));

  private static SimulatedJamfPro jamf;
  private static SimClient client;
  private static Contract contract;

  @BeforeAll
  static void start() throws Exception {
    jamf = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(60).mobileDevices(20)));
    client = new SimClient(jamf).login();
    contract = Contract.load();
  }

  @AfterAll
  static void stop() {
    jamf.stop();
  }

  @Test
  void everyRouteIsAJamfOperation() {
    List<String> missing = new ArrayList<>();
    for (String route : jamf.routes()) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1);
      if (path.startsWith("/__sim/")) {
        continue; // the simulator's own controls, deliberately outside the Jamf namespaces
      }
      if (route.equals("POST /api/oauth/token")) {
        continue; // the one documented exception: Jamf's guides use it, the schema declares
        // /api/v1/oauth/token
      }
      boolean known =
          (path.startsWith("/api/") || path.startsWith("/JSSResource/"))
              && contract.hasOperation(method, path);
      if (!known) {
        missing.add(route);
      }
    }
    assertThat(missing)
        .as("simulator routes the Jamf Pro %s contract does not have", contract.jamfProVersion())
        .isEmpty();
  }

  @Test
  void theContractIsTheWholeDescription() {
    assertThat(contract.jamfProVersion()).isEqualTo("11.30.1");
    assertThat(contract.operationCount()).isGreaterThan(1000);
    assertThat(contract.hasOperation("GET", "/api/v4/computers-inventory")).isTrue();
    assertThat(contract.hasOperation("DELETE", "/JSSResource/logflush")).isTrue();
    assertThat(contract.hasOperation("GET", "/api/v1/scripts/{id}/run")).isFalse();
    assertThat(contract.hasOperation("GET", "/api/v1/scripts/{scriptId}")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/v3/computers-inventory|/api/v3/computers-inventory?page-size=5&section=" + "ALL_COMPUTER",
        "/v3/computers-inventory-detail/{id}|/api/v3/computers-inventory-detail/1",
        "/v3/computers-inventory/{id}|/api/v3/computers-inventory/2",
        "/v4/computers-inventory|/api/v4/computers-inventory?page-size=5&section=" + "ALL_COMPUTER",
        "/v4/computers-inventory-detail/{id}|/api/v4/computers-inventory-detail/1",
        "/v4/computers-inventory/{id}|/api/v4/computers-inventory/2",
        "/v2/mobile-devices|/api/v2/mobile-devices",
        "/v2/mobile-devices/detail|/api/v2/mobile-devices/detail?section=" + "ALL_MOBILE",
        "/v2/mobile-devices/{id}|/api/v2/mobile-devices/3",
        "/v2/mobile-devices/{id}/detail|/api/v2/mobile-devices/3/detail",
        "/v1/departments|/api/v1/departments",
        "/v1/departments/{id}|/api/v1/departments/1",
        "/v1/buildings|/api/v1/buildings",
        "/v1/buildings/{id}|/api/v1/buildings/2",
        "/v1/categories|/api/v1/categories",
        "/v1/categories/{id}|/api/v1/categories/2",
        "/v1/scripts|/api/v1/scripts",
        "/v1/scripts/{id}|/api/v1/scripts/1",
        "/v1/computer-groups|/api/v1/computer-groups",
        "/v3/computer-groups/smart-groups|/api/v3/computer-groups/smart-groups",
        "/v3/computer-groups/smart-groups/{id}|/api/v3/computer-groups/smart-groups/2",
        "/v3/computer-groups/smart-group-membership/{id}|/api/v3/computer-groups/smart-group-membership/1",
        "/v3/computer-groups/static-groups|/api/v3/computer-groups/static-groups",
        "/v3/computer-groups/static-groups/{id}|/api/v3/computer-groups/static-groups/10",
        "/v2/computer-groups/smart-groups|/api/v2/computer-groups/smart-groups",
        "/v2/computer-groups/smart-group-membership/{id}|/api/v2/computer-groups/smart-group-membership/1",
        "/v2/computer-groups/static-groups|/api/v2/computer-groups/static-groups",
        "/v2/computer-groups/static-groups/{id}|/api/v2/computer-groups/static-groups/10",
        "/v3/patch-software-title-configurations|/api/v3/patch-software-title-configurations",
        "/v1/jamf-pro-version|/api/v1/jamf-pro-version"
      })
  void getResponsesUseOnlyDeclaredFields(String operation, String url) throws Exception {
    String resolved =
        url.replace("ALL_COMPUTER", ALL_COMPUTER_SECTIONS)
            .replace("ALL_MOBILE", ALL_MOBILE_SECTIONS);
    SimClient.Reply reply = client.get(resolved);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(contract.problems(reply.json(), contract.responseSchema("GET", operation, 200)))
        .isEmpty();
  }

  @Test
  void writeResponsesUseOnlyDeclaredFields() throws Exception {
    String managementId = jamf.fleet().computers().managementId(0);
    SimClient.Reply queued =
        client.post(
            "/api/v2/mdm/commands",
            "{\"clientData\":[{\"managementId\":\""
                + managementId
                + "\"}],\"commandData\":{\"commandType\":\"DEVICE_LOCK\"}}");
    assertThat(queued.status()).isEqualTo(201);
    assertThat(
            contract.problems(
                queued.json(), contract.responseSchema("POST", "/v2/mdm/commands", 201)))
        .isEmpty();

    SimClient.Reply listed =
        client.get(
            "/api/v2/mdm/commands?filter="
                + SimClient.encode("clientManagementId==" + managementId));
    assertThat(listed.json().path("results")).hasSize(1);
    assertThat(
            contract.problems(
                listed.json(), contract.responseSchema("GET", "/v2/mdm/commands", 200)))
        .isEmpty();

    SimClient.Reply pushed =
        client.post(
            "/api/v2/mdm/blank-push", "{\"clientManagementIds\":[\"" + managementId + "\"]}");
    assertThat(
            contract.problems(
                pushed.json(), contract.responseSchema("POST", "/v2/mdm/blank-push", 200)))
        .isEmpty();

    SimClient.Reply changed =
        client.put(
            "/api/v3/computer-groups/static-groups/11",
            "{\"name\":\"Executive Macs\",\"assignments\":[\"1\",\"2\"]}");
    assertThat(changed.status()).isEqualTo(202);
    assertThat(
            contract.problems(
                changed.json(),
                contract.responseSchema("PUT", "/v3/computer-groups/static-groups/{id}", 202)))
        .isEmpty();
  }

  @Test
  void theCheckerRejectsInventedAndMissingFields() {
    JsonNode invented =
        dev.jamfmcp.simulator.http.Json.MAPPER.readTree(
            "{\"totalCount\":1,\"results\":[{\"id\":\"1\",\"general\":{\"name\":\"x\",\"lastContact\":\"y\"}}]}");
    assertThat(
            contract.problems(
                invented, contract.responseSchema("GET", "/v3/computers-inventory", 200)))
        .containsExactly("$.results[0].general.lastContact is not in the schema");
    JsonNode incomplete =
        dev.jamfmcp.simulator.http.Json.MAPPER.readTree("{\"results\":[{\"name\":\"x\"}]}");
    assertThat(
            contract.problems(
                incomplete,
                contract.responseSchema("GET", "/v3/computer-groups/static-groups", 200)))
        .contains(
            "$.totalCount is required but missing", "$.results[0].id is required but missing");
  }

  @Test
  void tokenResponsesAndErrorsUseDeclaredFields() throws Exception {
    SimClient.Reply oauth =
        client.form(
            "/api/v1/oauth/token",
            "grant_type=client_credentials&client_id=sim-client&client_secret=sim-secret");
    assertThat(
            contract.problems(
                oauth.json(), contract.responseSchema("POST", "/v1/oauth/token", 200)))
        .isEmpty();
    SimClient.Reply oauthError = client.form("/api/v1/oauth/token", "grant_type=nope");
    assertThat(
            contract.problems(
                oauthError.json(), contract.responseSchema("POST", "/v1/oauth/token", 400)))
        .isEmpty();

    SimClient.Reply user = client.basic("/api/v1/auth/token", "admin", "jamf1234");
    assertThat(
            contract.problems(user.json(), contract.responseSchema("POST", "/v1/auth/token", 200)))
        .isEmpty();
    SimClient.Reply denied = client.basic("/api/v1/auth/token", "admin", "nope");
    assertThat(
            contract.problems(
                denied.json(), contract.responseSchema("POST", "/v1/auth/token", 401)))
        .isEmpty();

    SimClient.Reply badFilter =
        client.get("/api/v3/computers-inventory?filter=" + SimClient.encode("general.name=="));
    assertThat(badFilter.status()).isEqualTo(400);
    JsonNode error = badFilter.json();
    assertThat(contract.problems(error, contract.schema("ApiError"))).isEmpty();

    SimClient.Reply missing = client.get("/api/v1/scripts/999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(
            contract.problems(
                missing.json(), contract.responseSchema("GET", "/v1/scripts/{id}", 404)))
        .isEmpty();
  }

  @Test
  void v4InventoryFiltersAndSortsOnItsOwnFieldNames() throws Exception {
    SimClient.Reply v4 =
        client.get(
            "/api/v4/computers-inventory?page-size=3&sort=general.lastContact:desc&filter="
                + SimClient.encode("general.lastCheckIn>=\"2000-01-01T00:00:00Z\""));
    assertThat(v4.status()).as(v4.body()).isEqualTo(200);
    JsonNode general = v4.json().path("results").path(0).path("general");
    assertThat(general.has("lastContact")).isTrue();
    assertThat(general.has("lastCheckIn")).isTrue();
    assertThat(general.has("lastContactTime")).isFalse();
    assertThat(contract.hasOperation("GET", "/api/v4/computers-inventory")).isTrue();
  }

  @Test
  void anOlderJamfProReportsItsVersionAndLacksTheNewerRoutes() throws Exception {
    try (SimulatedJamfPro older =
        SimulatedJamfPro.start(
            SimulatorConfig.of(c -> c.computers(5).mobileDevices(1).jamfProVersion("11.27.2")))) {
      SimClient c = new SimClient(older).login();
      assertThat(c.get("/api/v1/jamf-pro-version").json().path("version").asString())
          .isEqualTo("11.27.2");
      assertThat(c.get("/api/v4/computers-inventory").status()).isEqualTo(404);
      assertThat(c.get("/api/v3/computer-groups/smart-groups").status()).isEqualTo(404);
      assertThat(c.get("/api/v3/computers-inventory").status()).isEqualTo(200);
      assertThat(c.get("/api/v2/computer-groups/smart-groups").status()).isEqualTo(200);
      assertThat(older.routes())
          .noneMatch(r -> r.contains("/api/v4/") || r.contains("/api/v3/computer-groups/"));
    }
  }
}

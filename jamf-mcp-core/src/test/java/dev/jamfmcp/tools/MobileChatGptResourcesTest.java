package dev.jamfmcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.JamfToolsFixture;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Mobile tools, the ChatGPT search/fetch pair, resources and prompts, end to end. */
class MobileChatGptResourcesTest {
  static JamfToolsFixture f;
  static Fleet fleet;

  @BeforeAll
  static void start() {
    f = JamfToolsFixture.start();
    fleet = f.sim.fleet();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @BeforeEach
  void clean() {
    f.sim.faults().clear();
    f.sim.requestLog().clear();
  }

  @Test
  void mobileSearchFiltersServerSideAndPages() {
    MobileDevice d = fleet.mobileDevices().get(4);
    JsonNode data =
        f.data("searchMobileDevices", "{\"query\":\"" + d.serialNumber().toLowerCase() + "\"}");
    assertThat(data.get("devices"))
        .anySatisfy(r -> assertThat(r.get("id").asString()).isEqualTo(String.valueOf(d.id())));
    String dept = fleet.departments().get(d.departmentId() - 1).name();
    JsonNode byDept =
        f.data(
            "searchMobileDevices", "{\"department\":\"" + dept.toLowerCase() + "\",\"limit\":200}");
    assertThat(byDept.get("totalCount").asLong())
        .isEqualTo(
            fleet.mobileDevices().stream()
                .filter(m -> m.departmentId() == d.departmentId())
                .count());
    assertThat(byDept.get("devices"))
        .allSatisfy(r -> assertThat(r.get("department").asString()).isEqualTo(dept));
    assertThat(
            f.data("searchMobileDevices", "{\"query\":\"x,y;z(\\\"\"}").get("totalCount").asLong())
        .isZero();
    assertThat(f.requests("GET /api/v2/mobile-devices/detail")).isEqualTo(3);
  }

  @Test
  void mobileDetailsByIdSerialAndNameAndAmbiguity() {
    MobileDevice d = fleet.mobileDevices().get(9);
    for (String id : List.of(String.valueOf(d.id()), d.serialNumber(), d.udid())) {
      JsonNode data = f.data("getMobileDeviceDetails", "{\"identifier\":\"" + id + "\"}");
      assertThat(data.get("id").asString()).isEqualTo(String.valueOf(d.id()));
      assertThat(data.at("/userAndLocation/department").asString())
          .isEqualTo(fleet.departments().get(d.departmentId() - 1).name());
      assertThat(data.get("url").asString()).contains("mobileDevices.html?id=" + d.id());
    }
    Map<String, Integer> names = new HashMap<>();
    fleet.mobileDevices().forEach(m -> names.merge(m.name(), 1, Integer::sum));
    names.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .findFirst()
        .ifPresent(
            e ->
                assertThat(
                        f.error(
                            "getMobileDeviceDetails",
                            "{\"identifier\":\"" + e.getKey().replace("\"", "\\\"") + "\"}"))
                    .contains("names " + e.getValue() + " mobile devices"));
    assertThat(f.error("getMobileDeviceDetails", "{\"identifier\":\"nope\"}"))
        .contains("searchMobileDevices");
  }

  @Test
  void searchReturnsExactlyOneTextItemWithResultsOfIdTitleUrl() {
    var policy = fleet.policies().get(0);
    var computerSerial = fleet.computers().serialNumber(3);
    List<String> ids = new ArrayList<>();
    for (String query :
        List.of(
            policy.name(),
            computerSerial,
            fleet.scripts().get(0).name(),
            fleet.smartGroups().get(0).name(),
            fleet.macProfiles().get(0).name(),
            fleet.mobileDevices().get(0).serialNumber(),
            fleet.staticGroups().get(0).name(),
            fleet.mobileProfiles().get(0).name())) {
      JsonNode result =
          f.call("search", "{\"query\":" + Json.mapper().writeValueAsString(query) + "}");
      assertThat(result.path("isError").asBoolean()).isFalse();
      assertThat(result.get("content")).hasSize(1);
      assertThat(result.get("content").get(0).get("type").asString()).isEqualTo("text");
      JsonNode text = Json.mapper().readTree(result.get("content").get(0).get("text").asString());
      assertThat(fieldNames(text)).containsExactly("results");
      assertThat(text.get("results"))
          .isNotEmpty()
          .allSatisfy(
              hit -> {
                assertThat(fieldNames(hit)).containsExactlyInAnyOrder("id", "title", "url");
                assertThat(hit.get("url").asString()).startsWith(f.sim.baseUrl() + "/");
                assertThat(hit.get("title").asString()).isNotBlank();
              });
      text.get("results").forEach(hit -> ids.add(hit.get("id").asString()));
    }
    assertThat(ids)
        .contains(
            "policy:" + policy.id(),
            "computer:4",
            "script:" + fleet.scripts().get(0).id(),
            "group:smart:" + fleet.smartGroups().get(0).id(),
            "profile:mac:" + fleet.macProfiles().get(0).id(),
            "mobile:" + fleet.mobileDevices().get(0).id(),
            "group:static:" + fleet.staticGroups().get(0).id(),
            "profile:mobile:" + fleet.mobileProfiles().get(0).id());

    for (String id : ids.stream().distinct().toList()) {
      JsonNode result = f.call("fetch", "{\"id\":\"" + id + "\"}");
      assertThat(result.path("isError").asBoolean()).as(id).isFalse();
      assertThat(result.get("content")).hasSize(1);
      JsonNode doc = Json.mapper().readTree(result.get("content").get(0).get("text").asString());
      assertThat(fieldNames(doc))
          .containsExactlyInAnyOrder("id", "title", "text", "url", "metadata");
      assertThat(doc.get("id").asString()).isEqualTo(id);
      assertThat(doc.get("url").asString()).as(id).startsWith(f.sim.baseUrl() + "/");
      assertThat(doc.get("text").asString()).as(id).isNotBlank();
      assertThat(doc.get("metadata").isObject()).isTrue();
    }
    assertThat(f.error("fetch", "{\"id\":\"printer:1\"}")).contains("computer:<n>");
    assertThat(f.error("fetch", "{\"id\":\"computer:999999\"}")).contains("no computer");
  }

  @Test
  void resourcesReadJson() {
    JsonNode overview = read("jamf://fleet/overview");
    assertThat(overview.get("total").asLong()).isEqualTo(fleet.computers().size());
    JsonNode compliance = read("jamf://compliance/45");
    assertThat(compliance.get("summary").get("total").asLong()).isEqualTo(fleet.computers().size());
    assertThat(read("jamf://computers/5").get("id").asString()).isEqualTo("5");
    assertThat(
            read("jamf://policies/" + fleet.policies().get(0).id())
                .get("policy")
                .get("general")
                .get("name")
                .asString())
        .isEqualTo(fleet.policies().get(0).name());
    assertThat(read("jamf://departments")).hasSize(fleet.departments().size());
    assertThat(read("jamf://buildings")).hasSize(fleet.buildings().size());
    assertThat(read("jamf://server/version").get("version").asString()).startsWith("11.");
    JsonNode missing = f.client.request("resources/read", "{\"uri\":\"jamf://policies/99999\"}");
    assertThat(missing.has("error")).isTrue();
    JsonNode bad = f.client.request("resources/read", "{\"uri\":\"jamf://compliance/abc\"}");
    assertThat(bad.has("error")).isTrue();
  }

  @Test
  void promptsRenderWithArguments() {
    JsonNode list = f.client.request("prompts/list", "{}").get("result").get("prompts");
    List<String> names = new ArrayList<>();
    list.forEach(p -> names.add(p.get("name").asString()));
    assertThat(names)
        .contains(
            "troubleshoot-device",
            "compliance-review",
            "roll-out-policy-safely",
            "fleet-health-report");
    JsonNode got =
        f.client.request(
            "prompts/get",
            "{\"name\":\"troubleshoot-device\",\"arguments\":{\"identifier\":\"C02ABC\",\"symptom\":\"slow\"}}");
    assertThat(got.toString()).contains("getDeviceDetails").contains("C02ABC").contains("slow");
    JsonNode missing =
        f.client.request("prompts/get", "{\"name\":\"troubleshoot-device\",\"arguments\":{}}");
    assertThat(missing.has("error")).isTrue();
  }

  @Test
  void everyToolIsReadOnlyWithAllFourHintsAndTheReadScope() {
    JsonNode tools = f.client.request("tools/list", "{}").get("result").get("tools");
    assertThat(tools)
        .hasSizeGreaterThanOrEqualTo(9)
        .allSatisfy(
            t -> {
              JsonNode a = t.get("annotations");
              assertThat(a.get("readOnlyHint").asBoolean()).isTrue();
              assertThat(
                      a.has("destructiveHint") && a.has("idempotentHint") && a.has("openWorldHint"))
                  .isTrue();
              assertThat(t.has("title") && t.has("outputSchema")).isTrue();
            });
  }

  private static JsonNode read(String uri) {
    JsonNode reply = f.client.request("resources/read", "{\"uri\":\"" + uri + "\"}");
    assertThat(reply.has("error")).as(uri + " " + reply).isFalse();
    return Json.mapper()
        .readTree(reply.get("result").get("contents").get(0).get("text").asString());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.propertyNames().forEach(out::add);
    return out;
  }
}

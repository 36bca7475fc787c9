package dev.jamfmcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class InventoryRoutesTest {
  private static SimulatedJamfPro jamf;
  private static SimClient client;
  private static Fleet fleet;

  @BeforeAll
  static void start() throws Exception {
    jamf = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(2500).mobileDevices(40)));
    client = new SimClient(jamf).login();
    fleet = jamf.fleet();
  }

  @AfterAll
  static void stop() {
    jamf.stop();
  }

  private static JsonNode get(String url) throws Exception {
    SimClient.Reply reply = client.get(url);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static int total(String filter) throws Exception {
    return get("/api/v3/computers-inventory?page-size=1&filter=" + SimClient.encode(filter))
        .path("totalCount")
        .asInt();
  }

  @Test
  void pageSizeIsSilentlyClampedTo2000() throws Exception {
    JsonNode page = get("/api/v3/computers-inventory?page-size=5000");
    assertThat(page.path("totalCount").asInt()).isEqualTo(2500);
    assertThat(page.path("results")).hasSize(2000);
    assertThat(get("/api/v3/computers-inventory?page-size=5000&page=1").path("results"))
        .hasSize(500);
    assertThat(get("/api/v3/computers-inventory").path("results")).hasSize(100);
    assertThat(get("/api/v3/computers-inventory?page=99").path("results")).isEmpty();
  }

  @Test
  void unrequestedSectionsAreNullAndIdsAreStrings() throws Exception {
    JsonNode computer =
        get("/api/v3/computers-inventory?page-size=1&section=HARDWARE&section=OPERATING_SYSTEM&sort=id:asc")
            .path("results")
            .get(0);
    assertThat(computer.path("id").isString()).isTrue();
    assertThat(computer.path("id").asString()).isEqualTo("1");
    assertThat(computer.get("general").isNull()).isTrue();
    assertThat(computer.get("userAndLocation").isNull()).isTrue();
    assertThat(computer.path("hardware").path("serialNumber").asString())
        .isEqualTo(fleet.computers().serialNumber(0));
    assertThat(computer.path("operatingSystem").path("version").asString())
        .isEqualTo(fleet.computers().os(0).version());
    JsonNode defaulted = get("/api/v3/computers-inventory?page-size=1").path("results").get(0);
    assertThat(defaulted.path("general").isObject()).isTrue();
    assertThat(defaulted.get("hardware").isNull()).isTrue();
  }

  @Test
  void bodiesArePrettyPrintedLikeJamf() throws Exception {
    String body = client.get("/api/v1/departments?page-size=1").body();
    assertThat(body)
        .startsWith(
            "{\n  \"totalCount\" : 10,\n  \"results\" : [ {\n    \"id\" : \"1\",\n    \"name\" : \"Engineering\"\n  } ]\n}");
  }

  @Test
  void detailHasEverySectionAndUnknownIdsAre404() throws Exception {
    JsonNode detail = get("/api/v3/computers-inventory-detail/17");
    assertThat(detail.path("id").asString()).isEqualTo("17");
    for (String key :
        List.of(
            "general",
            "hardware",
            "operatingSystem",
            "userAndLocation",
            "security",
            "diskEncryption",
            "groupMemberships",
            "configurationProfiles",
            "applications",
            "storage")) {
      assertThat(detail.get(key).isNull()).as(key).isFalse();
    }
    assertThat(detail.path("groupMemberships").get(0).path("groupName").asString())
        .isEqualTo("All Managed Macs");
    SimClient.Reply missing = client.get("/api/v3/computers-inventory-detail/999999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("httpStatus").asInt()).isEqualTo(404);
    assertThat(client.get("/api/v3/computers-inventory-detail/abc").status()).isEqualTo(404);
  }

  @Test
  void filtersAgreeWithGroundTruth() throws Exception {
    Computers c = fleet.computers();
    String cutoff = fleet.now().minus(Duration.ofDays(30)).toString();
    assertThat(total("general.lastContactTime<" + cutoff))
        .isEqualTo(
            fleet.countComputers(
                r ->
                    !c.neverCheckedIn(r)
                        && c.lastContactMillis(r)
                            < fleet.now().minus(Duration.ofDays(30)).toEpochMilli()));
    assertThat(total("operatingSystem.version=in=(15.6,26.1)"))
        .isEqualTo(fleet.countComputers(r -> List.of("15.6", "26.1").contains(c.os(r).version())));
    assertThat(total("operatingSystem.version=out=(15.6,26.1)"))
        .isEqualTo(
            2500 - fleet.countComputers(r -> List.of("15.6", "26.1").contains(c.os(r).version())));
    assertThat(total("userAndLocation.departmentId==1 and security.firewallEnabled==false"))
        .isEqualTo(
            fleet.countComputers(
                r -> c.departmentId(r) == 1 && c.firewallCollected(r) && !c.firewallEnabled(r)));
    assertThat(total("id=ge=100;id=lt=200,id==2000")).isEqualTo(101);
    assertThat(total("hardware.serialNumber==" + c.serialNumber(41).toLowerCase())).isEqualTo(1);
    assertThat(total("udid==" + c.udid(9))).isEqualTo(1);
    assertThat(total("userAndLocation.email==*@acme.example"))
        .isEqualTo(fleet.countComputers(r -> !c.username(r).isEmpty()));
    assertThat(total("general.platform==Mac")).isEqualTo(2500);
  }

  @Test
  void quotedValuesWithMetacharactersMatchExactly() throws Exception {
    Computers c = fleet.computers();
    int row = firstRow(c, "'s ");
    String name = c.name(row);
    int expected = fleet.countComputers(r -> c.name(r).equalsIgnoreCase(name));
    assertThat(total("general.name==\"" + name + "\"")).isEqualTo(expected);
    assertThat(total("general.name=='" + name.replace("'", "\\'") + "'")).isEqualTo(expected);
    assertThat(total("general.name==\"" + name.toUpperCase() + "\"")).isEqualTo(expected);
    assertThat(total("general.name==\"" + name + "\",general.name==\"no;such,(name)\""))
        .isEqualTo(expected);
  }

  private static int firstRow(Computers c, String fragment) {
    for (int r = 0; r < c.size(); r++) {
      if (c.name(r).contains(fragment)) {
        return r;
      }
    }
    throw new AssertionError("no computer name contains " + fragment);
  }

  @Test
  void sortingByOneAndSeveralKeys() throws Exception {
    List<String> names = new ArrayList<>();
    get("/api/v3/computers-inventory?page-size=200&sort=general.name:desc")
        .path("results")
        .forEach(r -> names.add(r.path("general").path("name").asString()));
    assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());

    JsonNode results =
        get("/api/v3/computers-inventory?page-size=300&sort=operatingSystem.version:asc,id:desc&section=OPERATING_SYSTEM")
            .path("results");
    for (int i = 1; i < results.size(); i++) {
      String previous = results.get(i - 1).path("operatingSystem").path("version").asString();
      String current = results.get(i).path("operatingSystem").path("version").asString();
      assertThat(previous.compareToIgnoreCase(current)).isLessThanOrEqualTo(0);
      if (previous.equals(current)) {
        assertThat(Integer.parseInt(results.get(i - 1).path("id").asString()))
            .isGreaterThan(Integer.parseInt(results.get(i).path("id").asString()));
      }
    }
    List<String> dates = new ArrayList<>();
    get("/api/v3/computers-inventory?page-size=50&sort=general.lastContactTime:desc")
        .path("results")
        .forEach(r -> dates.add(r.path("general").path("lastContactTime").asString()));
    assertThat(dates.stream().map(java.time.Instant::parse).toList())
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "filter=general.name==",
        "filter=nosuch.field==1",
        "filter=id==abc",
        "sort=general.nope:asc",
        "sort=id:sideways",
        "section=NOT_A_SECTION",
        "page-size=ten"
      })
  void badQueriesAre400WithJamfsErrorShape(String query) throws Exception {
    SimClient.Reply reply =
        client.get("/api/v3/computers-inventory?" + query.replace("==", "%3D%3D"));
    assertThat(reply.status()).isEqualTo(400);
    JsonNode error = reply.json();
    assertThat(error.path("httpStatus").asInt()).isEqualTo(400);
    assertThat(error.path("errors").get(0).path("code").asString()).isNotBlank();
    assertThat(error.path("errors").get(0).path("field").asString()).isNotBlank();
  }

  @Test
  void filterErrorsNameTheirCause() throws Exception {
    JsonNode unknownField =
        client
            .get("/api/v3/computers-inventory?filter=" + SimClient.encode("general.nope==1"))
            .json();
    assertThat(unknownField.path("errors").get(0).path("code").asString())
        .isEqualTo("INVALID_FIELD");
    assertThat(unknownField.path("errors").get(0).path("field").asString()).isEqualTo("filter");
    JsonNode syntax =
        client.get("/api/v3/computers-inventory?filter=" + SimClient.encode("(id==1")).json();
    assertThat(syntax.path("errors").get(0).path("code").asString())
        .isEqualTo("INVALID_RSQL_FILTER");
  }

  @Test
  void mobileDevicesListDetailAndFilter() throws Exception {
    JsonNode list = get("/api/v2/mobile-devices?page-size=5&sort=id:desc");
    assertThat(list.path("totalCount").asInt()).isEqualTo(40);
    assertThat(list.path("results").get(0).path("id").asString()).isEqualTo("40");
    String model = fleet.mobileDevices().get(0).model();
    long expected = fleet.mobileDevices().stream().filter(d -> d.model().equals(model)).count();
    JsonNode filtered =
        get(
            "/api/v2/mobile-devices/detail?section=HARDWARE&filter="
                + SimClient.encode("model==\"" + model + "\""));
    assertThat(filtered.path("totalCount").asLong()).isEqualTo(expected);
    assertThat(filtered.path("results").get(0).path("hardware").path("model").asString())
        .isEqualTo(model);
    assertThat(filtered.path("results").get(0).get("general").isNull()).isTrue();
    JsonNode detail = get("/api/v2/mobile-devices/7/detail");
    assertThat(detail.path("managementId").asString())
        .isEqualTo(fleet.mobileDevices().get(6).managementId());
    assertThat(detail.path("ios").path("model").asString())
        .isEqualTo(fleet.mobileDevices().get(6).model());
    assertThat(client.get("/api/v2/mobile-devices/41/detail").status()).isEqualTo(404);
  }

  @Test
  void referenceListsAndScripts() throws Exception {
    assertThat(get("/api/v1/buildings").path("totalCount").asInt())
        .isEqualTo(fleet.buildings().size());
    assertThat(
            get("/api/v1/categories?filter=" + SimClient.encode("priority>=10"))
                .path("totalCount")
                .asInt())
        .isEqualTo((int) fleet.categories().stream().filter(c -> c.priority() >= 10).count());
    JsonNode scripts = get("/api/v1/scripts?page-size=3");
    assertThat(scripts.path("results").get(0).path("name").asString())
        .isEqualTo(fleet.scripts().stream().map(s -> s.name()).sorted().findFirst().orElseThrow());
    assertThat(get("/api/v1/scripts/3").path("scriptContents").asString())
        .startsWith("#!/bin/bash");
    JsonNode patch = get("/api/v3/patch-software-title-configurations");
    assertThat(patch.isArray()).isTrue();
    assertThat(patch).hasSize(fleet.patchTitles().size());
    assertThat(get("/api/v1/jamf-pro-version").path("version").asString()).startsWith("11.30.1");
  }

  @Test
  void unknownPathsAre404AndWrongMethodsAre405() throws Exception {
    assertThat(client.get("/api/v1/policies/1/retry").status()).isEqualTo(404);
    assertThat(client.get("/api/v1/scripts/1/run").status()).isEqualTo(404);
    assertThat(client.delete("/api/v3/computers-inventory").status()).isEqualTo(405);
  }
}

package dev.jamfmcp.jamf;

import static dev.jamfmcp.jamf.FakeJamf.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.groups.GroupMember;
import dev.jamfmcp.jamf.groups.StaticComputerGroup;
import dev.jamfmcp.jamf.mdm.MdmCommand;
import dev.jamfmcp.jamf.mdm.MdmCommandRequest;
import dev.jamfmcp.jamf.mdm.QueuedCommand;
import dev.jamfmcp.jamf.mobile.MobileDeviceDetail;
import dev.jamfmcp.jamf.mobile.MobileDeviceInventory;
import dev.jamfmcp.jamf.mobile.MobileDeviceSection;
import dev.jamfmcp.jamf.patch.PatchTitle;
import dev.jamfmcp.jamf.policies.Policy;
import dev.jamfmcp.jamf.profiles.ConfigurationProfile;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each typed operation sends what the contract describes and reads what Jamf answers. */
@Timeout(60)
class TypedOperationsTest {

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeJamf jamf = new FakeJamf();
  JamfClient client;

  @BeforeEach
  void start() {
    server.setDispatcher(jamf);
    client = FakeJamf.clientFor(server).build();
  }

  private RecordedRequest last() {
    return jamf.apiRequests.get(jamf.apiRequests.size() - 1);
  }

  private String line() {
    RecordedRequest r = last();
    return r.getMethod() + " " + r.getUrl().encodedPath();
  }

  private static JsonNode tree(RecordedRequest r) {
    return JsonMapper.shared().readTree(FakeJamf.body(r));
  }

  @Test
  void computerDetailReadsTheSectionsToolsNeed() {
    jamf.enqueue(
        json(
            200,
            """
                {"id":"17","udid":"U-1","general":{"name":"Lab Mac","lastContact":"2026-01-01T10:00:00Z",
                 "managementId":"m-17","platform":"Mac","remoteManagement":{"managed":true}},
                 "hardware":{"serialNumber":"C02X","model":"MacBook Air"},
                 "operatingSystem":{"version":"15.1"},
                 "userAndLocation":{"username":"ana","departmentId":"3","buildingId":null},
                 "groupMemberships":[{"groupId":"5","groupName":"All","smartGroup":true}],
                 "applications":[{"name":"Safari"}]}"""));
    Computer c = client.computers().detail("17");
    assertThat(line()).isEqualTo("GET /api/v4/computers-inventory-detail/17");
    assertThat(c.general().managementId()).isEqualTo("m-17");
    assertThat(c.hardware().serialNumber()).isEqualTo("C02X");
    assertThat(c.operatingSystem().version()).isEqualTo("15.1");
    assertThat(c.userAndLocation().departmentId()).isEqualTo("3");
    assertThat(c.groupMemberships()).extracting(m -> m.groupName()).containsExactly("All");
  }

  @Test
  void mobileDevices() {
    jamf.enqueue(
        json(
            200,
            "{\"totalCount\":1,\"results\":[{\"id\":\"1\",\"name\":\"iPad\",\"type\":\"ios\"}]}"));
    assertThat(client.mobileDevices().list(ListQuery.all().withSort(Sort.asc("id"))).toList())
        .extracting(d -> d.name())
        .containsExactly("iPad");
    assertThat(line()).isEqualTo("GET /api/v2/mobile-devices");

    jamf.enqueue(
        json(
            200,
            """
                {"totalCount":1,"results":[{"mobileDeviceId":"4","deviceType":"iOS",
                 "general":{"displayName":"iPad 4","managementId":"m-4"},"hardware":{"serialNumber":"DMP"}}]}"""));
    List<MobileDeviceInventory> rows =
        client
            .mobileDevices()
            .inventory(
                ListQuery.all()
                    .withSections(MobileDeviceSection.GENERAL, MobileDeviceSection.HARDWARE)
                    .withFilter(Rsql.eq("serialNumber", "DMP")))
            .toList();
    assertThat(line()).isEqualTo("GET /api/v2/mobile-devices/detail");
    assertThat(last().getUrl().queryParameterValues("section"))
        .containsExactly("GENERAL", "HARDWARE");
    assertThat(rows.get(0).general().managementId()).isEqualTo("m-4");

    jamf.enqueue(
        json(
            200,
            "{\"id\":\"4\",\"type\":\"ios\",\"managementId\":\"m-4\",\"ios\":{\"model\":\"iPad Pro\"},"
                + "\"location\":{\"username\":\"bo\"}}"));
    MobileDeviceDetail d = client.mobileDevices().detail("4");
    assertThat(line()).isEqualTo("GET /api/v2/mobile-devices/4/detail");
    assertThat(d.ios().model()).isEqualTo("iPad Pro");
    assertThat(d.location().username()).isEqualTo("bo");
  }

  @Test
  void organizationAndScripts() {
    jamf.handler =
        r ->
            json(
                200,
                "{\"totalCount\":1,\"results\":[{\"id\":\"1\",\"name\":\"X\",\"priority\":9,"
                    + "\"scriptContents\":\"#!/bin/sh\"}]}");
    assertThat(client.organization().departments(ListQuery.all()).toList().get(0).name())
        .isEqualTo("X");
    assertThat(line()).isEqualTo("GET /api/v1/departments");
    assertThat(client.organization().buildings(ListQuery.all()).toList()).hasSize(1);
    assertThat(line()).isEqualTo("GET /api/v1/buildings");
    assertThat(client.organization().categories(ListQuery.all()).toList().get(0).priority())
        .isEqualTo(9);
    assertThat(line()).isEqualTo("GET /api/v1/categories");
    assertThat(client.scripts().list(ListQuery.all()).toList()).hasSize(1);
    assertThat(line()).isEqualTo("GET /api/v1/scripts");
    jamf.handler = r -> json(200, "{\"id\":\"1\",\"name\":\"s\",\"scriptContents\":\"echo hi\"}");
    assertThat(client.scripts().get("1").scriptContents()).isEqualTo("echo hi");
    assertThat(line()).isEqualTo("GET /api/v1/scripts/1");
  }

  @Test
  void computerGroupsIncludingStaticMembershipReadAndChange() {
    jamf.enqueue(
        json(
            200,
            "{\"totalCount\":1,\"results\":[{\"id\":\"2\",\"name\":\"Stale\",\"membershipCount\":4}]}"));
    assertThat(
            client.computerGroups().smartGroups(ListQuery.all()).toList().get(0).membershipCount())
        .isEqualTo(4);
    assertThat(line()).isEqualTo("GET /api/v3/computer-groups/smart-groups");

    jamf.enqueue(json(200, "{\"members\":[1,7,9]}"));
    assertThat(client.computerGroups().smartGroupMembers("2")).containsExactly("1", "7", "9");
    assertThat(line()).isEqualTo("GET /api/v3/computer-groups/smart-group-membership/2");

    jamf.enqueue(
        json(
            200, "{\"totalCount\":1,\"results\":[{\"id\":\"3\",\"name\":\"Pilot\",\"count\":2}]}"));
    assertThat(client.computerGroups().staticGroups(ListQuery.all()).toList().get(0).count())
        .isEqualTo(2);
    assertThat(line()).isEqualTo("GET /api/v3/computer-groups/static-groups");

    jamf.enqueue(json(200, "{\"id\":\"3\",\"name\":\"Pilot\",\"siteId\":\"-1\"}"));
    StaticComputerGroup group = client.computerGroups().staticGroup("3");
    assertThat(line()).isEqualTo("GET /api/v3/computer-groups/static-groups/3");

    jamf.enqueue(
        json(
            200,
            "{\"computer_group\":{\"id\":3,\"name\":\"Pilot\",\"is_smart\":false,"
                + "\"computers\":[{\"id\":1,\"name\":\"a\",\"serial_number\":\"S1\"}]}}"));
    assertThat(client.computerGroups().staticGroupMembers(3))
        .containsExactly(new GroupMember(1, "a", "S1"));
    assertThat(line()).isEqualTo("GET /JSSResource/computergroups/id/3");
    assertThat(last().getHeaders().get("Accept")).isEqualTo("application/json");

    jamf.enqueue(json(202, "{\"id\":\"3\",\"name\":\"Pilot\",\"assignments\":[\"1\",\"2\"]}"));
    client.computerGroups().replaceStaticGroupMembers(group, List.of("1", "2", "1"));
    assertThat(line()).isEqualTo("PUT /api/v3/computer-groups/static-groups/3");
    JsonNode body = tree(last());
    assertThat(body.path("name").asString()).isEqualTo("Pilot");
    assertThat(body.path("siteId").asString()).isEqualTo("-1");
    assertThat(body.path("assignments").toString()).isEqualTo("[\"1\",\"2\"]");
  }

  @Test
  void classicPoliciesProfilesAndLogFlush() {
    jamf.enqueue(json(200, "{\"policies\":[{\"id\":1,\"name\":\"Install Chrome\"}]}"));
    assertThat(client.policies().list()).containsExactly(new ClassicRef(1, "Install Chrome"));
    assertThat(line()).isEqualTo("GET /JSSResource/policies");

    jamf.enqueue(
        json(
            200,
            """
                {"policy":{"general":{"id":1,"name":"Install Chrome","enabled":true,"trigger":"EVENT",
                 "trigger_checkin":true,"frequency":"Once per computer","category":{"id":-1,"name":"None"}},
                 "scope":{"all_computers":false,"computers":[{"id":4,"name":"a"}],"computer_groups":[]},
                 "self_service":{"use_for_self_service":false}}}"""));
    Policy p = client.policies().get(1);
    assertThat(line()).isEqualTo("GET /JSSResource/policies/id/1");
    assertThat(p.general().frequency()).isEqualTo("Once per computer");
    assertThat(p.general().triggerCheckin()).isTrue();
    assertThat(p.scope().computers()).containsExactly(new ClassicRef(4, "a"));

    jamf.enqueue(json(200, ""));
    client.policies().flushLog(1);
    assertThat(last().getMethod()).isEqualTo("DELETE");
    assertThat(last().getTarget())
        .isEqualTo("/JSSResource/logflush/policy/id/1/interval/Zero+Days");

    jamf.enqueue(json(200, ""));
    client.policies().flushLog(1, List.of(4, 5));
    assertThat(line()).isEqualTo("DELETE /JSSResource/logflush");
    assertThat(FakeJamf.body(last()))
        .isEqualTo(
            "<logflush><log>policy</log><log_id>1</log_id><interval>Zero Days"
                + "</interval><computers><computer><id>4</id></computer><computer><id>5</id></computer></computers></logflush>");

    jamf.enqueue(json(200, "{\"os_x_configuration_profiles\":[{\"id\":2,\"name\":\"Wi-Fi\"}]}"));
    assertThat(client.configurationProfiles().macProfiles())
        .containsExactly(new ClassicRef(2, "Wi-Fi"));
    assertThat(line()).isEqualTo("GET /JSSResource/osxconfigurationprofiles");
    jamf.enqueue(
        json(
            200,
            "{\"os_x_configuration_profile\":{\"general\":{\"id\":2,\"name\":\"Wi-Fi\","
                + "\"distribution_method\":\"Install Automatically\"},\"scope\":{\"all_computers\":true}}}"));
    ConfigurationProfile mac = client.configurationProfiles().macProfile(2);
    assertThat(line()).isEqualTo("GET /JSSResource/osxconfigurationprofiles/id/2");
    assertThat(mac.general().distributionMethod()).isEqualTo("Install Automatically");
    assertThat(mac.scope().allComputers()).isTrue();
    jamf.enqueue(json(200, "{\"configuration_profiles\":[{\"id\":3,\"name\":\"Mail\"}]}"));
    assertThat(client.configurationProfiles().mobileProfiles()).hasSize(1);
    assertThat(line()).isEqualTo("GET /JSSResource/mobiledeviceconfigurationprofiles");
    jamf.enqueue(
        json(
            200,
            "{\"configuration_profile\":{\"general\":{\"id\":3,\"name\":\"Mail\"},"
                + "\"scope\":{\"all_mobile_devices\":true}}}"));
    assertThat(client.configurationProfiles().mobileProfile(3).scope().allMobileDevices()).isTrue();
    assertThat(line()).isEqualTo("GET /JSSResource/mobiledeviceconfigurationprofiles/id/3");
  }

  @Test
  void mdmCommandsBlankPushPatchTitlesAndVersion() {
    jamf.enqueue(json(201, "[{\"id\":\"c-1\",\"href\":\"/api/v2/mdm/commands/c-1\"}]"));
    List<QueuedCommand> queued =
        client
            .mdm()
            .send(
                MdmCommandRequest.of("ENABLE_LOST_MODE", List.of("m-1"))
                    .with("lostModeMessage", "Call IT"));
    assertThat(queued).containsExactly(new QueuedCommand("c-1", "/api/v2/mdm/commands/c-1"));
    assertThat(line()).isEqualTo("POST /api/v2/mdm/commands");
    JsonNode body = tree(last());
    assertThat(body.path("clientData").toString()).isEqualTo("[{\"managementId\":\"m-1\"}]");
    assertThat(body.path("commandData").path("commandType").asString())
        .isEqualTo("ENABLE_LOST_MODE");
    assertThat(body.path("commandData").path("lostModeMessage").asString()).isEqualTo("Call IT");

    jamf.enqueue(
        json(
            200,
            "{\"totalCount\":1,\"results\":[{\"uuid\":\"c-1\",\"commandState\":\"PENDING\","
                + "\"commandType\":\"ENABLE_LOST_MODE\",\"client\":{\"managementId\":\"m-1\",\"clientType\":\"MOBILE_DEVICE\"}}]}"));
    List<MdmCommand> commands =
        client
            .mdm()
            .commands(ListQuery.all().withFilter(Rsql.eq("clientManagementId", "m-1")))
            .toList();
    assertThat(line()).isEqualTo("GET /api/v2/mdm/commands");
    assertThat(last().getUrl().queryParameter("filter")).isEqualTo("clientManagementId==\"m-1\"");
    assertThat(commands.get(0).client().managementId()).isEqualTo("m-1");

    jamf.enqueue(json(200, "{\"errorUuids\":[\"m-2\"]}"));
    assertThat(client.mdm().blankPush(Set.of("m-2"))).containsExactly("m-2");
    assertThat(line()).isEqualTo("POST /api/v2/mdm/blank-push");
    assertThat(tree(last()).path("clientManagementIds").toString()).isEqualTo("[\"m-2\"]");

    jamf.enqueue(
        json(200, "[{\"id\":\"1\",\"displayName\":\"Google Chrome\",\"jamfOfficial\":true}]"));
    List<PatchTitle> titles = client.patchTitles().list();
    assertThat(line()).isEqualTo("GET /api/v3/patch-software-title-configurations");
    assertThat(titles.get(0).displayName()).isEqualTo("Google Chrome");

    jamf.enqueue(json(200, "{\"version\":\"11.30.1-t1762262402\"}"));
    assertThat(client.jamfProVersion()).isEqualTo("11.30.1-t1762262402");
    assertThat(line()).isEqualTo("GET /api/v1/jamf-pro-version");
  }
}

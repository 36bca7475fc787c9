package dev.jamfmcp.tools.mdm;

import static dev.jamfmcp.mcp.testing.WriteToolsFixture.ALICE;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.args;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.result;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.WriteToolsFixture;
import dev.jamfmcp.simulator.faults.FaultSettings;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** sendMdmCommand, updateInventory and listMdmCommands end to end, partial failures included. */
class MdmToolsEndToEndTest {

  /** Started once for the class; effects and audit cleared before each test, closed after all. */
  @RegisterExtension static final WriteToolsFixture fx = new WriteToolsFixture();

  @BeforeEach
  void clean() {
    fx.sim.faults().clear();
  }

  @Test
  void everyCommandTypeOfTheContractIsQueuedThroughTheEngineWithItsApprovalClass() {
    TestClient alice = fx.tokenClient(ALICE);
    MobileDevice phone = fx.sim.fleet().mobileDevices().get(3);
    for (MdmCommandKind kind : MdmCommandKind.values()) {
      boolean mac = kind.appliesTo.contains(dev.jamfmcp.tools.support.DeviceTargets.Kind.COMPUTER);
      ObjectNode call = Json.object().put("command", kind.argument);
      call.putArray("deviceIds").add(mac ? "computer:5" : "mobile:" + phone.id());
      ObjectNode options = call.putObject("options");
      kind.options.values().stream()
          .filter(MdmCommandKind.Option::required)
          .forEach(o -> options.put(o.name(), "x"));
      if (kind == MdmCommandKind.ENABLE_LOST_MODE) {
        options.put("message", "Call IT");
      }
      int before = fx.effects().mdmCommands().size();
      JsonNode first = result(alice, "sendMdmCommand", call);
      String status = first.at("/structuredContent/status").asString("");
      String expected =
          switch (kind.approval) {
            case NONE -> "executed";
            case CONFIRM -> "confirmation_required";
            case APPROVE -> "approval_required";
          };
      assertThat(status).as(kind.argument + ": " + first).isEqualTo(expected);
      assertThat(fx.effects().mdmCommands())
          .as(kind.argument)
          .hasSize(before + ("executed".equals(status) ? 1 : 0));
      JsonNode done = "executed".equals(status) ? first : fx.agreed(alice, "sendMdmCommand", call);
      assertThat(done.at("/structuredContent/outcome").asString())
          .as(kind.argument + ": " + done)
          .isEqualTo("succeeded");
      assertThat(fx.effects().mdmCommands()).as(kind.argument).hasSize(before + 1);
      assertThat(fx.effects().mdmCommands().get(before).commandType()).isEqualTo(kind.commandType);
    }
  }

  @Test
  void devicesAreResolvedByIdSerialAndNameAcrossComputersAndMobilesOnceEach() {
    MobileDevice phone = fx.sim.fleet().mobileDevices().get(2);
    ObjectNode restart =
        args(
            "{'command':'restart','deviceIds':['computer:10','"
                + fx.computers().serialNumber(10)
                + "','"
                + phone.serialNumber()
                + "','11']}");
    JsonNode done = fx.agreed(fx.tokenClient(ALICE), "sendMdmCommand", restart);
    // '11' is the computer whose serial was given too: it gets the command once
    assertThat(done.at("/structuredContent/counts/done").intValue()).isEqualTo(3);
    assertThat(fx.effects().mdmCommands())
        .extracting(c -> c.managementId())
        .containsExactly(
            fx.computers().managementId(9), fx.computers().managementId(10), phone.managementId());
  }

  @Test
  void unknownAndAmbiguousIdentifiersAreListedAndNothingIsDone() {
    Map<String, Integer> seen = new HashMap<>();
    String duplicate = null;
    for (int row = 0; row < fx.computers().size() && duplicate == null; row++) {
      if (seen.merge(fx.computers().name(row), 1, Integer::sum) == 2) {
        duplicate = fx.computers().name(row);
      }
    }
    assertThat(duplicate).as("the fleet has two computers with one name").isNotNull();
    ObjectNode restart = Json.object().put("command", "restart");
    restart
        .putArray("deviceIds")
        .add(duplicate)
        .add("NO-SUCH-SERIAL")
        .add("mobile:99999")
        .add("computer:1");
    JsonNode refused = result(fx.tokenClient(ALICE), "sendMdmCommand", restart);
    assertThat(refused.get("isError").booleanValue()).isTrue();
    assertThat(text(refused))
        .contains("Could not identify 3 devices")
        .contains(duplicate)
        .contains("candidates")
        .contains("NO-SUCH-SERIAL")
        .contains("mobile:99999")
        .contains("Nothing was done")
        .doesNotContain("'computer:1'");
    fx.assertNothingSentToJamf();
  }

  @Test
  void commandsThatDoNotFitTheDevicesOrLackOptionsAreRefusedBeforeAnyPreview() {
    TestClient alice = fx.tokenClient(ALICE);
    JsonNode lostMac =
        result(
            alice,
            "sendMdmCommand",
            args(
                "{'command':'enableLostMode','deviceIds':['computer:1'],'options':{'message':'x'}}"));
    assertThat(text(lostMac)).contains("iPhones and iPads only");
    JsonNode lostNoText =
        result(
            alice, "sendMdmCommand", args("{'command':'enableLostMode','deviceIds':['mobile:1']}"));
    assertThat(text(lostNoText)).contains("options.message or options.phoneNumber");
    JsonNode badOption =
        result(
            alice,
            "sendMdmCommand",
            args("{'command':'shutDown','deviceIds':['mobile:1'],'options':{'pin':'123456'}}"));
    assertThat(text(badOption)).contains("does not apply");
    MobileDevice noToken =
        fx.sim.fleet().mobileDevices().stream()
            .filter(d -> d.unlockToken() == null)
            .findFirst()
            .orElseThrow();
    JsonNode clear =
        result(
            alice,
            "sendMdmCommand",
            args("{'command':'clearPasscode','deviceIds':['mobile:" + noToken.id() + "']}"));
    assertThat(text(clear)).contains("has no unlock token in Jamf Pro");
    for (JsonNode r : List.of(lostMac, lostNoText, badOption, clear)) {
      assertThat(r.get("isError").booleanValue()).isTrue();
    }
    fx.assertNothingSentToJamf();
  }

  /** The server fetches the device's unlock token from Jamf Pro; the caller never gives it. */
  @Test
  void clearPasscodeSendsTheEscrowedUnlockTokenWithoutShowingIt() {
    MobileDevice phone =
        fx.sim.fleet().mobileDevices().stream()
            .filter(d -> d.unlockToken() != null)
            .findFirst()
            .orElseThrow();
    JsonNode done =
        fx.agreed(
            fx.tokenClient(ALICE),
            "sendMdmCommand",
            args("{'command':'clearPasscode','deviceIds':['mobile:" + phone.id() + "']}"));
    // the simulator refuses CLEAR_PASSCODE without the device's own token (the contract requires
    // it)
    assertThat(done.at("/structuredContent/counts/done").intValue()).isEqualTo(1);
    assertThat(fx.effects().mdmCommands())
        .singleElement()
        .satisfies(c -> assertThat(c.commandType()).isEqualTo("CLEAR_PASSCODE"));
    assertThat(done.toString()).doesNotContain(phone.unlockToken());
    JsonNode schema =
        fx.tokenClient(ALICE).request("tools/list", Json.object()).get("result").get("tools");
    assertThat(schema.toString()).doesNotContain("unlockToken");
  }

  @Test
  void eraseOffersReturnToServiceAndSaysThePinIsOptionalOnAppleSilicon() {
    JsonNode done =
        fx.agreed(
            fx.tokenClient(ALICE),
            "sendMdmCommand",
            args(
                "{'command':'erase','deviceIds':['mobile:3'],'options':{'returnToService':true}}"));
    assertThat(done.at("/structuredContent/counts/done").intValue()).isEqualTo(1);
    assertThat(MdmCommandKind.ERASE.effect).contains("optional").contains("Apple silicon");
    assertThat(
            MdmCommandKind.ERASE
                .request(
                    new dev.jamfmcp.tools.support.DeviceTargets.Device(
                        dev.jamfmcp.tools.support.DeviceTargets.Kind.MOBILE,
                        "3",
                        "x",
                        "s",
                        "m-3",
                        null,
                        null,
                        null,
                        null),
                    args("{'returnToService':true}"))
                .commandData())
        .containsEntry("returnToService", Map.of("enabled", true));
  }

  @Test
  void lostModeOptionsMapOntoTheContractFields() {
    JsonNode done =
        fx.agreed(
            fx.tokenClient(ALICE),
            "sendMdmCommand",
            args(
                "{'command':'enableLostMode','deviceIds':['mobile:2'],'options':{'message':'Call IT',"
                    + "'phoneNumber':'555-0100'}}"));
    assertThat(done.at("/structuredContent/commandType").stringValue())
        .isEqualTo("ENABLE_LOST_MODE");
    assertThat(fx.effects().mdmCommands())
        .singleElement()
        .satisfies(c -> assertThat(c.commandType()).isEqualTo("ENABLE_LOST_MODE"));
  }

  @Test
  void aFailureMidWriteIsReportedExactlyAndNothingIsRetried() {
    fx.sim.faults().set(FaultSettings.none().withPathPrefix("/api/v2/mdm/commands"));
    ObjectNode restart =
        args("{'command':'restart','deviceIds':['computer:21','computer:22'," + "'computer:23']}");
    TestClient alice = fx.tokenClient(ALICE);
    String approvalId = fx.approvedId(alice, "sendMdmCommand", restart);
    fx.sim.faults().failNext(1, 0); // the first POST goes through
    fx.sim.faults().failNext(1, 500); // the second is refused
    JsonNode partial =
        result(alice, "sendMdmCommand", restart.deepCopy().put("approvalId", approvalId));
    assertThat(partial.get("isError").booleanValue()).isTrue();
    assertThat(text(partial)).startsWith("NOT COMPLETE").contains("reached 1 of 3");
    JsonNode devices = partial.at("/structuredContent/devices");
    assertThat(devices.get(0).get("result").stringValue()).isEqualTo("queued");
    assertThat(devices.get(1).get("result").stringValue()).isEqualTo("failed");
    assertThat(devices.get(2).get("result").stringValue()).isEqualTo("not_attempted");
    assertThat(partial.at("/structuredContent/outcome").stringValue())
        .isEqualTo("partially_succeeded");
    assertThat(fx.effects().mdmCommands())
        .singleElement()
        .satisfies(c -> assertThat(c.managementId()).isEqualTo(fx.computers().managementId(20)));
    assertThat(fx.executed())
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("partially_succeeded"));
  }

  @Test
  void aLostConnectionLeavesTheOutcomeUnknownAndIsNotRetried() {
    fx.sim.faults().set(FaultSettings.none().withPathPrefix("/api/v2/mdm/commands"));
    ObjectNode restart = args("{'command':'restart','deviceIds':['computer:31','computer:32']}");
    TestClient alice = fx.tokenClient(ALICE);
    String approvalId = fx.approvedId(alice, "sendMdmCommand", restart);
    fx.sim.faults().failNext(1, 504);
    JsonNode result =
        result(alice, "sendMdmCommand", restart.deepCopy().put("approvalId", approvalId));
    assertThat(result.at("/structuredContent/devices/0/result").stringValue()).isEqualTo("unknown");
    assertThat(result.at("/structuredContent/devices/1/result").stringValue())
        .isEqualTo("not_attempted");
    assertThat(text(result)).contains("may or may not");
    assertThat(fx.effects().mdmCommands()).isEmpty(); // the 504 was not followed by a retry
  }

  @Test
  void updateInventoryDoesWhatEachDeviceTypeAllowsWithProgressPerDevice() {
    TestClient client = fx.tokenClient(ALICE);
    ObjectNode arguments = args("{'deviceIds':['computer:40','mobile:4']}");
    // approval class none: it runs at once, no preview
    ObjectNode params = Json.object().put("name", "updateInventory");
    params.putObject("_meta").put("progressToken", "inv");
    params.set("arguments", arguments.deepCopy());
    JsonNode done = client.request("tools/call", params).get("result");
    assertThat(done.at("/structuredContent/outcome").stringValue()).isEqualTo("succeeded");
    assertThat(done.at("/structuredContent/devices/0/method").stringValue())
        .isEqualTo("blank_push");
    assertThat(done.at("/structuredContent/devices/1/method").stringValue())
        .isEqualTo("DEVICE_INFORMATION");
    assertThat(text(done))
        .contains("no MDM command that makes a Mac submit inventory")
        .contains("Update Inventory");
    assertThat(fx.effects().blankPushes())
        .singleElement()
        .satisfies(
            p -> assertThat(p.managementIds()).containsExactly(fx.computers().managementId(39)));
    assertThat(fx.effects().mdmCommands())
        .singleElement()
        .satisfies(c -> assertThat(c.commandType()).isEqualTo("DEVICE_INFORMATION"));
    List<Double> progress = new ArrayList<>();
    client.related().stream()
        .filter(m -> "notifications/progress".equals(m.path("method").asString("")))
        .forEach(m -> progress.add(m.at("/params/progress").asDouble()));
    assertThat(progress).containsExactly(1.0, 2.0);
  }

  @Test
  void listMdmCommandsShowsWhatWasQueuedWithItsState() {
    fx.agreed(
        fx.tokenClient(ALICE),
        "sendMdmCommand",
        args("{'command':'shutDown','deviceIds':['computer:49']}"));
    JsonNode list =
        result(
            fx.tokenClient(ALICE),
            "listMdmCommands",
            args("{'deviceId':'" + fx.computers().serialNumber(48) + "'}"));
    assertThat(list.at("/structuredContent/total").intValue()).isEqualTo(1);
    assertThat(list.at("/structuredContent/commands/0/commandType").stringValue())
        .isEqualTo("SHUT_DOWN_DEVICE");
    assertThat(list.at("/structuredContent/commands/0/state").stringValue()).isEqualTo("PENDING");
    JsonNode acknowledged =
        result(
            fx.tokenClient(ALICE),
            "listMdmCommands",
            args("{'deviceId':'computer:49','status':'ACKNOWLEDGED'}"));
    assertThat(acknowledged.at("/structuredContent/total").intValue()).isZero();
  }
}

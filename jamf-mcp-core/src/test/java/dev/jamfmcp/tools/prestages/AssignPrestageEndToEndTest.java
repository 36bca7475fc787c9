package dev.jamfmcp.tools.prestages;

import static dev.jamfmcp.mcp.testing.WriteToolsFixture.ALICE;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.READER;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.args;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.result;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.inventory.PrestageScope;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.WriteToolsFixture;
import dev.jamfmcp.simulator.http.RequestHook;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * assignPrestage end to end on the simulator: preview (devices already there or in another PreStage
 * named, nothing sent), confirmation, the scope changed in Jamf with its versionLock, the 409 retry
 * on a fresh read, a serial another PreStage took meanwhile, and bad input that changes nothing.
 * The simulator seeds computers 1-48 into PreStage 1 "Corporate Macs" (multiples of 4 into 2 "Lab
 * Macs") and mobile devices 1-24 into 1 "Corporate iPhones" (multiples of 3 into 2 "Shared iPads").
 */
class AssignPrestageEndToEndTest {
  @RegisterExtension static final WriteToolsFixture fx = new WriteToolsFixture();

  @AfterEach
  void noHook() {
    fx.sim.onRequest(null);
  }

  private static String serial(int computerId) {
    return fx.computers().serialNumber(fx.computers().rowOf(computerId));
  }

  private static PrestageScope scope(String id) {
    return fx.jamf.inventory().prestageScope(false, id);
  }

  @Test
  void previewNamesWhatIsLeftOutThenTheConfirmedChangeIsInJamf() {
    TestClient alice = fx.tokenClient(ALICE);
    int lockBefore = scope("1").versionLock();
    var call =
        args(
            "{'prestage':'corporate macs','deviceType':'computer','action':'add',"
                + "'devices':['computer:60','computer:4','computer:1']}");
    JsonNode preview = result(alice, "assignPrestage", call);
    assertThat(preview.at("/structuredContent/status").asString())
        .isEqualTo("confirmation_required");
    assertThat(preview.toString())
        .contains("Add 1 device(s) to the computer PreStage 'Corporate Macs' (id 1)")
        .contains(serial(60))
        .contains("is in another PreStage, 'Lab Macs' (id 2)")
        .contains("is already in this PreStage");
    assertThat(scope("1").versionLock()).isEqualTo(lockBefore);
    assertThat(scope("1").serialNumbers()).doesNotContain(serial(60));

    JsonNode done = WriteToolsFixture.confirmed(alice, "assignPrestage", call);
    assertThat(done.at("/structuredContent/status").asString())
        .as(done.toString())
        .isEqualTo("executed");
    assertThat(done.at("/structuredContent/changed/0").asString()).isEqualTo(serial(60));
    assertThat(done.at("/structuredContent/unchanged")).hasSize(2);
    assertThat(scope("1").serialNumbers()).contains(serial(60));
    assertThat(scope("1").versionLock()).isEqualTo(lockBefore + 1);
    assertThat(scope("2").serialNumbers()).contains(serial(4)); // left where it was
    assertThat(fx.executed()).hasSize(1);

    // and back: remove, by serial number, is the undo
    var undo =
        args(
            "{'prestage':'1','deviceType':'computer','action':'remove','devices':['"
                + serial(60)
                + "']}");
    JsonNode removed = WriteToolsFixture.confirmed(alice, "assignPrestage", undo);
    assertThat(removed.at("/structuredContent/status").asString()).isEqualTo("executed");
    assertThat(scope("1").serialNumbers()).doesNotContain(serial(60));
    assertThat(fx.jamf.inventory().prestageOfEachSerial(false)).doesNotContainKey(serial(60));
  }

  @Test
  void aStaleVersionLockIsRetriedOnceOnAFreshRead() {
    TestClient alice = fx.tokenClient(ALICE);
    AtomicInteger posts = new AtomicInteger();
    // someone else changes PreStage 2 between the tool's read and its write, once
    fx.sim.onRequest(
        (point, seen) -> {
          if (point == RequestHook.Point.AFTER_TOKEN_CHECK
              && seen.method().equals("POST")
              && seen.path().equals("/api/v2/computer-prestages/2/scope")
              && posts.getAndIncrement() == 0) {
            PrestageScope now = fx.jamf.inventory().prestageScope(false, "2");
            fx.jamf
                .inventory()
                .removeFromPrestageScope(false, "2", List.of(serial(299)), now.versionLock());
          }
        });
    int lockBefore = scope("2").versionLock();
    JsonNode done =
        WriteToolsFixture.confirmed(
            alice,
            "assignPrestage",
            args(
                "{'prestage':'Lab Macs','deviceType':'computer','action':'add',"
                    + "'devices':['computer:61']}"));
    assertThat(done.at("/structuredContent/status").asString())
        .as(done.toString())
        .isEqualTo("executed");
    assertThat(posts.get()).isEqualTo(2); // refused with 409, then sent again
    assertThat(scope("2").serialNumbers()).contains(serial(61));
    assertThat(scope("2").versionLock()).isEqualTo(lockBefore + 2);
  }

  @Test
  void aScopeChangedOnEveryAttemptIsReportedAndNothingIsChanged() {
    TestClient alice = fx.tokenClient(ALICE);
    fx.sim.onRequest(
        (point, seen) -> {
          if (point == RequestHook.Point.AFTER_TOKEN_CHECK
              && seen.method().equals("POST")
              && seen.path().equals("/api/v2/computer-prestages/2/scope")) {
            PrestageScope now = fx.jamf.inventory().prestageScope(false, "2");
            fx.jamf
                .inventory()
                .removeFromPrestageScope(false, "2", List.of(serial(299)), now.versionLock());
          }
        });
    JsonNode failed =
        WriteToolsFixture.confirmed(
            alice,
            "assignPrestage",
            args(
                "{'prestage':'2','deviceType':'computer','action':'add',"
                    + "'devices':['computer:62']}"));
    assertThat(failed.path("isError").asBoolean()).isTrue();
    assertThat(text(failed))
        .contains("changed by someone else twice")
        .contains("409")
        .contains("Nothing was changed");
    assertThat(scope("2").serialNumbers()).doesNotContain(serial(62));
  }

  @Test
  void aSerialAnotherPrestageTookMeanwhileIsRefusedClearly() {
    TestClient alice = fx.tokenClient(ALICE);
    fx.sim.onRequest(
        (point, seen) -> {
          if (point == RequestHook.Point.AFTER_TOKEN_CHECK
              && seen.method().equals("POST")
              && seen.path().equals("/api/v2/computer-prestages/1/scope")) {
            PrestageScope lab = fx.jamf.inventory().prestageScope(false, "2");
            fx.jamf
                .inventory()
                .addToPrestageScope(false, "2", List.of(serial(63)), lab.versionLock());
          }
        });
    JsonNode failed =
        WriteToolsFixture.confirmed(
            alice,
            "assignPrestage",
            args(
                "{'prestage':'1','deviceType':'computer','action':'add',"
                    + "'devices':['computer:63']}"));
    assertThat(failed.path("isError").asBoolean()).isTrue();
    assertThat(text(failed))
        .contains("one PreStage only")
        .contains(serial(63) + " (in 'Lab Macs', id 2)")
        .contains("Nothing was changed");
    assertThat(scope("1").serialNumbers()).doesNotContain(serial(63));
  }

  @Test
  void mobileDevicesGoToMobilePrestages() {
    TestClient alice = fx.tokenClient(ALICE);
    String serial = fx.sim.fleet().mobileDevices().get(29).serialNumber(); // mobile:30, in none
    JsonNode done =
        WriteToolsFixture.confirmed(
            alice,
            "assignPrestage",
            args(
                "{'prestage':'Shared iPads','deviceType':'mobile','action':'add',"
                    + "'devices':['mobile:30']}"));
    assertThat(done.at("/structuredContent/status").asString())
        .as(done.toString())
        .isEqualTo("executed");
    assertThat(fx.jamf.inventory().prestageScope(true, "2").serialNumbers()).contains(serial);
    assertThat(fx.jamf.inventory().prestageOfEachSerial(true)).containsEntry(serial, "2");
  }

  @Test
  void badInputChangesNothing() {
    TestClient alice = fx.tokenClient(ALICE);
    int lock = scope("1").versionLock();
    String noSuch =
        text(
            result(
                alice,
                "assignPrestage",
                args(
                    "{'prestage':'Nope','deviceType':'computer','action':'add',"
                        + "'devices':['computer:70']}")));
    assertThat(noSuch)
        .contains("No computer PreStage has the id or name 'Nope'")
        .contains("Lab Macs (id 2)");
    String wrongKind =
        text(
            result(
                alice,
                "assignPrestage",
                args(
                    "{'prestage':'1','deviceType':'computer','action':'add',"
                        + "'devices':['mobile:30']}")));
    assertThat(wrongKind).contains("is a mobile device; this is a computer PreStage");
    String nothing =
        text(
            result(
                alice,
                "assignPrestage",
                args(
                    "{'prestage':'1','deviceType':'computer','action':'remove',"
                        + "'devices':['computer:4']}")));
    assertThat(nothing).contains("is not in this PreStage (it is in 'Lab Macs', id 2)");
    // a serial Jamf's inventory does not know is passed to Jamf, which refuses it
    JsonNode unknown =
        WriteToolsFixture.confirmed(
            alice,
            "assignPrestage",
            args(
                "{'prestage':'1','deviceType':'computer','action':'add',"
                    + "'devices':['ZZ9NOTREAL01']}"));
    assertThat(unknown.path("isError").asBoolean()).isTrue();
    assertThat(text(unknown)).contains("Jamf Pro refused").contains("Nothing was changed");
    assertThat(scope("1").versionLock()).isEqualTo(lock);
    JsonNode refused =
        fx.tokenClient(READER)
            .request(
                "tools/call",
                dev.jamfmcp.mcp.jsonrpc.Json.object()
                    .put("name", "assignPrestage")
                    .set(
                        "arguments",
                        args(
                            "{'prestage':'1','deviceType':'computer','action':'add',"
                                + "'devices':['computer:70']}")));
    assertThat(refused.toString()).contains("write:jamf");
    // only the serial Jamf refused reached Jamf, and it is audited as failed
    assertThat(fx.executed())
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("failed"));
  }
}

package dev.jamfmcp.tools.mdm;

import static dev.jamfmcp.mcp.testing.WriteToolsFixture.ALICE;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.READER;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.WriteToolsFixture;
import dev.jamfmcp.simulator.effects.CommandFlush;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * flushMdmCommands end to end on the simulator: the failed command a device is stuck on shows in
 * its history, the flush is previewed, confirmed, sent once per device type, and the history is
 * clean afterwards.
 */
class FlushMdmCommandsEndToEndTest {
  @RegisterExtension static final WriteToolsFixture fx = new WriteToolsFixture();

  /** The names of the device's failed MDM commands, as getDeviceHistory reports them. */
  private static List<String> failed(TestClient client, String device) {
    JsonNode history = result(client, "getDeviceHistory", Json.object().put("device", device));
    assertThat(history.path("isError").asBoolean(false)).as(history.toString()).isFalse();
    List<String> names = new java.util.ArrayList<>();
    history
        .at("/structuredContent/commands/failed")
        .forEach(c -> names.add(c.path("name").asString()));
    return names;
  }

  @Test
  void failedCommandsArePreviewedConfirmedClearedOncePerTypeAndGoneFromTheHistory() {
    TestClient alice = fx.tokenClient(ALICE);
    // computer 9 and mobile 11 each carry a failed command in the simulator
    assertThat(failed(alice, "computer:9")).contains("InstallProfile");
    assertThat(failed(alice, "mobile:11")).contains("InstallApplication");
    ObjectNode args = Json.object();
    args.putArray("deviceIds").add("computer:9").add("computer:18").add("mobile:11");

    JsonNode preview = result(alice, "flushMdmCommands", args);
    assertThat(preview.at("/structuredContent/status").asString())
        .isEqualTo("confirmation_required");
    assertThat(preview.toString())
        .contains("Clear the failed MDM commands of 3 devices")
        .contains("Nothing is sent to the devices");
    assertThat(fx.effects().commandFlushes()).isEmpty();

    JsonNode done = WriteToolsFixture.confirmed(alice, "flushMdmCommands", args);
    assertThat(done.at("/structuredContent/status").asString()).isEqualTo("executed");
    assertThat(done.at("/structuredContent/devices")).hasSize(3);
    List<CommandFlush> flushes = fx.effects().commandFlushes();
    assertThat(flushes).hasSize(2); // one request per device type, ids comma-separated
    assertThat(flushes.get(0).deviceType()).isEqualTo("computer");
    assertThat(flushes.get(0).deviceIds()).containsExactly(9, 18);
    assertThat(flushes.get(0).failed()).isTrue();
    assertThat(flushes.get(0).pending()).isFalse();
    assertThat(flushes.get(1).deviceType()).isEqualTo("mobile");
    assertThat(flushes.get(1).deviceIds()).containsExactly(11);

    assertThat(failed(alice, "computer:9")).isEmpty();
    assertThat(failed(alice, "mobile:11")).isEmpty();
    assertThat(fx.audit).anySatisfy(e -> assertThat(e.toString()).contains("flushMdmCommands"));
  }

  @Test
  void pendingCommandsAreClearedOnlyWhenAsked() {
    TestClient alice = fx.tokenClient(ALICE);
    ObjectNode args = Json.object().put("status", "pending_and_failed");
    args.putArray("deviceIds").add("mobile:11");
    JsonNode preview = result(alice, "flushMdmCommands", args);
    assertThat(preview.toString()).contains("will never reach the devices");
    WriteToolsFixture.confirmed(alice, "flushMdmCommands", args);
    CommandFlush flush = fx.effects().commandFlushes().get(0);
    assertThat(flush.pending()).isTrue();
    assertThat(flush.failed()).isTrue();
  }

  @Test
  void aReaderCannotCallItAndAnUnknownDeviceChangesNothing() {
    ObjectNode args = Json.object();
    args.putArray("deviceIds").add("computer:9");
    JsonNode refused =
        fx.tokenClient(READER)
            .request(
                "tools/call", Json.object().put("name", "flushMdmCommands").set("arguments", args));
    assertThat(refused.toString()).contains("write:jamf");
    ObjectNode unknown = Json.object();
    unknown.putArray("deviceIds").add("computer:99999999");
    JsonNode answer = result(fx.tokenClient(ALICE), "flushMdmCommands", unknown);
    assertThat(answer.path("isError").booleanValue()).isTrue();
    assertThat(fx.effects().commandFlushes()).isEmpty();
  }
}

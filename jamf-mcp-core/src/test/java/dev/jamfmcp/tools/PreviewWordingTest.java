package dev.jamfmcp.tools;

import static dev.jamfmcp.mcp.testing.WriteToolsFixture.ALICE;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.WriteToolsFixture;
import dev.jamfmcp.simulator.fleet.StaticGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 18.7: the preview a person reads (in the client's dialog, or on the approval page) speaks
 * to the person: no API names (ENABLE_LOST_MODE, camelCase arguments or tool names), no
 * instructions meant for the assistant ("call again", "the person types"), and no past tense before
 * anything was done. The PIN the server makes up is named only as shown on the approval page.
 */
class PreviewWordingTest {
  static WriteToolsFixture fx;

  /** Developer words: SCREAMING_CASE names, camelCase identifiers, talk about the calls. */
  static final Pattern DEVELOPER =
      Pattern.compile(
          "\\b[A-Z]{2,}_[A-Z_]+\\b|\\b(?!iPhone|iPad|macOS|iOS)[a-z]+[A-Z][A-Za-z]*\\b"
              + "|(?i)calling again|call again|confirmationPhrase|confirmationToken|approvalId"
              + "|the person types|argument");

  /** What only a finished action may say. */
  static final Pattern DONE = Pattern.compile("(?i)\\b(was|were|has been|have been) (sent|done)");

  @BeforeAll
  static void start() {
    fx = new WriteToolsFixture(ConfirmationGate.ApprovalMode.BROWSER, s -> {});
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static Stream<ObjectNode[]> calls() {
    StaticGroup kiosk =
        fx.sim.staticGroups().all().stream()
            .filter(g -> g.name().equals("Kiosk Macs"))
            .findFirst()
            .orElseThrow();
    int member = kiosk.computerIds().get(0);
    return Stream.of(
        call("sendMdmCommand", "{'command':'lock','deviceIds':['computer:24']}"),
        call("sendMdmCommand", "{'command':'erase','deviceIds':['computer:25']}"),
        call(
            "sendMdmCommand",
            "{'command':'enableLostMode','deviceIds':['mobile:3'],"
                + "'options':{'message':'Call IT'}}"),
        call("sendMdmCommand", "{'command':'logOutUser','deviceIds':['mobile:6']}"),
        call("setPolicyEnabled", "{'policyName':'Install Google Chrome','enabled':false}"),
        call(
            "executePolicy",
            "{'policyName':'Install Google Chrome','deviceIdentifiers':['computer:28']}"),
        call(
            "setStaticGroupMembership",
            "{'groupId':'" + kiosk.id() + "','remove':['computer:" + member + "']}"));
  }

  private static ObjectNode[] call(String tool, String arguments) {
    return new ObjectNode[] {
      WriteToolsFixture.args("{'tool':'" + tool + "'}"), WriteToolsFixture.args(arguments)
    };
  }

  @ParameterizedTest
  @MethodSource("calls")
  void thePreviewSpeaksToThePerson(ObjectNode tool, ObjectNode arguments) {
    TestClient client = fx.tokenClient(ALICE);
    JsonNode first = result(client, tool.get("tool").asString(), arguments);
    JsonNode shown = first.at("/structuredContent/confirmation");
    if (shown.isMissingNode()) {
      shown = first.at("/structuredContent/approval");
    }
    assertThat(shown.isObject()).as(first.toString()).isTrue();
    List<String> texts = new ArrayList<>();
    texts.add(shown.path("action").asString(""));
    texts.add(shown.path("summary").asString(""));
    shown.path("targets").forEach(t -> texts.add(t.asString("")));
    for (String text : texts) {
      Matcher developer = DEVELOPER.matcher(text);
      assertThat(developer.find())
          .as("developer word '%s' in: %s", developer.find(0) ? developer.group() : "", text)
          .isFalse();
      assertThat(DONE.matcher(text).find()).as("past tense in a preview: %s", text).isFalse();
    }
    fx.assertNothingSentToJamf();
  }
}

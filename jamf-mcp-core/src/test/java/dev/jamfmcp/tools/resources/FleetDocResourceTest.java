package dev.jamfmcp.tools.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.JamfToolsFixture;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.Policy;
import dev.jamfmcp.simulator.fleet.Script;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** jamf://docs/fleet.md end to end: Markdown of policies, profiles, groups and scripts. */
class FleetDocResourceTest {
  static JamfToolsFixture f;

  @BeforeAll
  static void start() {
    f = JamfToolsFixture.start();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @Test
  void listedAndReadAsBoundedMarkdownOfTheWholeSetUp() {
    JsonNode list = f.client.request("resources/list", "{}");
    assertThat(list.toString()).contains("jamf://docs/fleet.md").contains("text/markdown");
    JsonNode reply = f.client.request("resources/read", "{\"uri\":\"jamf://docs/fleet.md\"}");
    JsonNode content = reply.at("/result/contents/0");
    assertThat(content.get("mimeType").asString()).isEqualTo("text/markdown");
    String md = content.get("text").asString();
    Fleet fleet = f.sim.fleet();
    assertThat(md)
        .startsWith("# Jamf Pro fleet documentation")
        .contains("## Policies (" + fleet.policies().size() + ")")
        .contains("## Configuration profiles")
        .contains("### Smart")
        .contains("### Static")
        .contains("## Scripts")
        .contains("Install macOS Tahoe 26.1 (Cache)")
        .doesNotContain("Left out");
    for (Policy p : fleet.policies()) {
      assertThat(md).contains("### " + p.name() + " (id " + p.id() + ")");
    }
    for (Script s : fleet.scripts()) {
      assertThat(md).contains("- " + s.name());
    }
    assertThat(md.length()).isLessThanOrEqualTo(FleetDoc.MAX_CHARS + 200);
  }
}

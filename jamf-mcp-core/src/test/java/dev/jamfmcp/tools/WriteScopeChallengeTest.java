package dev.jamfmcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.JamfToolsFixture;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.WriteToolsFixture;
import dev.jamfmcp.mcp.tool.Tool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * V9 (issue 19): the scopes a write tool's 403 challenge names. The MCP authorization spec asks for
 * every scope the operation needs in one challenge (2026-07-28, "Runtime Insufficient Scope
 * Errors"); a write needs {@code read:jamf} (every request does) and {@code write:jamf}, so the
 * challenge names both, as docs/AUTH.md says: a client that re-authorizes with only the challenged
 * scopes must not lose read access.
 */
class WriteScopeChallengeTest {

  @Test
  void everyWriteToolNeedsReadAndWriteAndTheChallengeAndTheDocsSaySo() throws Exception {
    try (WriteToolsFixture fx = new WriteToolsFixture()) {
      List<String> writeTools = new ArrayList<>();
      for (Tool tool :
          JamfTools.create(fx.jamf, s -> s.confirmationKey(WriteToolsFixture.KEY)).tools()) {
        if (tool.requiredScopes().contains(JamfScopes.WRITE)) {
          writeTools.add(tool.name());
          assertThat(tool.requiredScopes()).as(tool.name()).contains(JamfScopes.READ);
        }
      }
      assertThat(writeTools).contains("setPolicyEnabled");
      TestClient reader = fx.tokenClient(WriteToolsFixture.READER);
      JsonNode reply =
          reader.request(
              "tools/call",
              JamfToolsFixture.params(
                  "setPolicyEnabled", "{\"policyId\":\"1\",\"enabled\":false}"));
      assertThat(reply.at("/error/code").intValue()).isEqualTo(-32003);
      assertThat(reply.at("/error/data/requiredScopes").toString())
          .isEqualTo("[\"read:jamf\",\"write:jamf\"]");
    }
    String auth =
        Files.readString(repositoryRoot().resolve("docs/AUTH.md"), StandardCharsets.UTF_8);
    assertThat(auth)
        .contains("`Bearer error=\"insufficient_scope\", scope=\"read:jamf write:jamf\"");
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("jamf-mcp-core"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("run from inside the jamf-mcp repository");
    }
    return dir;
  }
}

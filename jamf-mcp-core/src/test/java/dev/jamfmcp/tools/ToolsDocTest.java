package dev.jamfmcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.JamfClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/TOOLS.md is generated from the registry, so it cannot drift: this test renders it and fails
 * when the committed file differs. Regenerate with {@code -Dtools.md.update=true}.
 */
class ToolsDocTest {
  @Test
  void toolsMdMatchesTheRegistry() throws IOException {
    try (JamfClient jamf =
        JamfClient.builder()
            .baseUrl("https://example.jamfcloud.com")
            .clientCredentials("docs", "docs")
            .build()) {
      byte[] key = new byte[32];
      List<ToolsMarkdown.Entry> entries = new ArrayList<>();
      for (Toolset toolset : Toolset.values()) {
        JamfTools one =
            JamfTools.create(jamf, s -> s.toolsets(EnumSet.of(toolset)).confirmationKey(key));
        one.tools().forEach(t -> entries.add(new ToolsMarkdown.Entry(toolset, t)));
      }
      JamfTools all = JamfTools.create(jamf, s -> s.confirmationKey(key));
      assertThat(entries).hasSize(all.tools().size());
      Map<Toolset, Integer> perToolset = new LinkedHashMap<>();
      for (Toolset toolset : Toolset.values()) {
        perToolset.put(toolset, ToolListBytes.of(jamf, EnumSet.of(toolset)));
      }
      ToolListBytes.Listing everything = ToolListBytes.listing(jamf, EnumSet.allOf(Toolset.class));
      ToolsMarkdown.Budget budget =
          new ToolsMarkdown.Budget(
              perToolset,
              ToolListBytes.defaults(jamf),
              everything.bytes(),
              ContextBudgetTest.BUDGET_BYTES,
              everything.perTool());
      String rendered =
          ToolsMarkdown.render(
              budget, entries, all.resources(), all.resourceTemplates(), all.prompts());

      Path file = repositoryRoot().resolve("docs").resolve("TOOLS.md");
      if (Boolean.getBoolean("tools.md.update")) {
        Files.writeString(file, rendered, StandardCharsets.UTF_8);
      }
      String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      assertThat(committed)
          .as(
              "docs/TOOLS.md is out of date with the tool registry. Regenerate it with:%n"
                  + "  mvn -B -q -pl jamf-mcp-core -am test -Dtest=ToolsDocTest"
                  + " -Dsurefire.failIfNoSpecifiedTests=false -Dtools.md.update=true%nand commit the result.")
          .isEqualTo(rendered);
      for (var t : all.tools()) {
        assertThat(committed).contains("### " + t.name());
      }
    }
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

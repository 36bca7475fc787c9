package dev.jamfmcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.mcp.resource.Resource;
import dev.jamfmcp.mcp.resource.ResourceTemplate;
import dev.jamfmcp.mcp.tool.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/CAPABILITIES.md is written by hand (which capability a tool covers is a judgement), so this
 * test keeps it honest against the registry: 55 numbered rows, every tool, resource and template it
 * names exists with every toolset on, a covered row names at least one and a missing row none, and
 * the summary line counts the table.
 */
class CapabilitiesDocTest {
  private static final Pattern ROW =
      Pattern.compile(
          "^\\|\\s*(\\d+)\\s*\\|([^|]+)\\|([^|]*)\\|\\s*(yes|partly|no)\\s*\\|([^|]*)\\|$");
  private static final Pattern NAME = Pattern.compile("`([^`]+)`");
  private static final Pattern SUMMARY =
      Pattern.compile(
          "\\*\\*Covered: (\\d+) of (\\d+) \\(yes\\), (\\d+) partly, (\\d+) missing\\.\\*\\*");

  record Row(int number, String capability, List<String> names, String status) {}

  @Test
  void everyRowNamesWhatTheRegistryHasAndTheSummaryCountsTheTable() throws IOException {
    String doc = Files.readString(repositoryRoot().resolve("docs/CAPABILITIES.md"), UTF8);
    List<Row> rows = rows(doc);
    assertThat(rows).hasSize(55);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i).number()).as("rows are numbered 1..55 in order").isEqualTo(i + 1);
    }

    Set<String> known = registeredNames();
    for (Row row : rows) {
      assertThat(known)
          .as(
              "row %d (%s) names only registered tools and resources",
              row.number(), row.capability())
          .containsAll(row.names());
      if (row.status().equals("no")) {
        assertThat(row.names()).as("row %d is missing but names a tool", row.number()).isEmpty();
      } else {
        assertThat(row.names())
            .as("row %d is covered but names nothing", row.number())
            .isNotEmpty();
      }
    }

    Matcher summary = SUMMARY.matcher(doc);
    assertThat(summary.find()).as("the summary line").isTrue();
    assertThat(List.of(summary.group(1), summary.group(2), summary.group(3), summary.group(4)))
        .as("the summary line counts the table")
        .containsExactly(
            count(rows, "yes"),
            String.valueOf(rows.size()),
            count(rows, "partly"),
            count(rows, "no"));
  }

  @Test
  void aRowNamingAnUnknownToolIsCaught() throws IOException {
    List<Row> rows = rows("| 1 | Something | `noSuchTool` | yes | |\n");
    assertThat(registeredNames()).doesNotContainAnyElementsOf(rows.get(0).names());
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static List<Row> rows(String doc) {
    List<Row> rows = new ArrayList<>();
    for (String line : doc.split("\n")) {
      Matcher m = ROW.matcher(line.strip());
      if (!m.matches()) {
        continue;
      }
      List<String> names = new ArrayList<>();
      Matcher n = NAME.matcher(m.group(3));
      while (n.find()) {
        names.add(n.group(1));
      }
      rows.add(new Row(Integer.parseInt(m.group(1)), m.group(2).strip(), names, m.group(4)));
    }
    return rows;
  }

  private static String count(List<Row> rows, String status) {
    return String.valueOf(rows.stream().filter(r -> r.status().equals(status)).count());
  }

  private static Set<String> registeredNames() {
    try (JamfClient jamf =
        JamfClient.builder()
            .baseUrl("https://example.jamfcloud.com")
            .clientCredentials("docs", "docs")
            .build()) {
      JamfTools all = JamfTools.create(jamf, s -> s.confirmationKey(new byte[32]));
      Set<String> names = new HashSet<>();
      all.tools().stream().map(Tool::name).forEach(names::add);
      all.resources().stream().map(Resource::uri).forEach(names::add);
      all.resourceTemplates().stream().map(ResourceTemplate::uriTemplate).forEach(names::add);
      return names;
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

package dev.jamfmcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.JamfClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/JAMF-PRIVILEGES.md is generated from the tools' declared operations, so it cannot drift:
 * this test renders it and fails when the committed file differs. Regenerate with {@code
 * -Dprivileges.md.update=true}.
 */
class PrivilegesDocTest {
  @Test
  void privilegesMdMatchesTheDeclaredOperations() throws IOException {
    try (JamfClient jamf =
        JamfClient.builder()
            .baseUrl("https://example.jamfcloud.com")
            .clientCredentials("docs", "docs")
            .build()) {
      String rendered =
          PrivilegesMarkdown.render(ToolOperations.registry(jamf), ToolOperations.DECLARED);

      Path file = repositoryRoot().resolve("docs").resolve("JAMF-PRIVILEGES.md");
      if (Boolean.getBoolean("privileges.md.update")) {
        Files.writeString(file, rendered, StandardCharsets.UTF_8);
      }
      String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      assertThat(committed)
          .as(
              "docs/JAMF-PRIVILEGES.md is out of date with the tools' declared operations."
                  + " Regenerate it with:%n"
                  + "  mvn -B -q -pl jamf-mcp-core -am test -Dtest=PrivilegesDocTest"
                  + " -Dsurefire.failIfNoSpecifiedTests=false -Dprivileges.md.update=true%n"
                  + "and commit the result.")
          .isEqualTo(rendered);
      assertThat(committed)
          .contains("Read Computers", "Read Policies" + PrivilegesMarkdown.BY_HAND);
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

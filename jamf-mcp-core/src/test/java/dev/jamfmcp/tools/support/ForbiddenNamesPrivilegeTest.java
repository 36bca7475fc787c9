package dev.jamfmcp.tools.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.JamfToolsFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A 403 from Jamf Pro reaches the model as the privilege the API role lacks, by name. */
class ForbiddenNamesPrivilegeTest {
  private static JamfToolsFixture f;

  @BeforeAll
  static void start() {
    f = JamfToolsFixture.start();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @Test
  void aToolRefusedByJamfSaysWhichPrivilegeToAdd() {
    f.sim
        .faults()
        .set(f.sim.faults().settings().withErrorRate(403, 1.0).withPathPrefix("/api/v1/scripts"));
    String message = f.error("listScripts", "{}");
    assertThat(message)
        .contains("Jamf Pro refused: the API role needs 'Read Scripts'")
        .contains("GET /api/v1/scripts")
        .contains("Nothing was changed");
  }
}

package dev.jamfmcp.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.McpServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Core's exported API (module-info.java) is the committed listing {@code api/jamf-mcp-core.api}, so
 * an API change shows in review; and no public member of it names a type a module user cannot see.
 */
class PublicApiTest {
  private static final PublicApi API = PublicApi.of(McpServer.class);

  @Test
  void exportedApiMatchesTheCommittedListing() throws Exception {
    PublicApi.compare(
        API.listing(),
        Path.of("api", "jamf-mcp-core.api"),
        "./mvnw -B test -pl jamf-mcp-core,jamf-mcp-javalin -am -Dtest=PublicApiTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true");
  }

  @Test
  void noPublicMemberTakesOrReturnsANonExportedType() {
    assertThat(API.leaks(PublicApi.exportedPackages(API.descriptor())))
        .as("public members of exported types that name a non-exported or non-public type")
        .isEmpty();
  }
}

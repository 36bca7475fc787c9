package dev.jamfmcp.servlet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.architecture.PublicApi;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.servlet.McpServlet;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The servlet module's exported API is the committed listing {@code api/jamf-mcp-servlet.api}, so
 * an API change shows in review; and no public member of it names a type of ours that a module user
 * cannot see (here or in core).
 */
class PublicApiTest {
  private static final PublicApi API = PublicApi.of(McpServlet.class);

  @Test
  void exportedApiMatchesTheCommittedListing() throws Exception {
    PublicApi.compare(
        API.listing(),
        Path.of("api", "jamf-mcp-servlet.api"),
        "./mvnw -B test -pl jamf-mcp-servlet -am -Dtest=PublicApiTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true");
  }

  @Test
  void noPublicMemberTakesOrReturnsANonExportedType() {
    Set<String> visible = new TreeSet<>(PublicApi.exportedPackages(API.descriptor()));
    visible.addAll(
        PublicApi.exportedPackages(PublicApi.descriptorAt(PublicApi.locationOf(McpServer.class))));
    assertThat(API.leaks(visible))
        .as("public members of exported types that name a non-exported or non-public type")
        .isEmpty();
  }
}

package dev.jamfmcp.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.jamfmcp.mcp.McpServer;

/**
 * The architecture rules against core's main code alone, so core's build catches a violation early.
 * jamf-mcp-examples checks the same rules against every module together.
 */
@AnalyzeClasses(packages = "dev.jamfmcp", importOptions = ArchitectureRules.ProductionCode.class)
class CoreArchitectureTest {
  @ArchTest
  static void imports_core_main_code_only(JavaClasses classes) {
    assertThat(classes.contain(McpServer.class)).isTrue();
    assertThat(classes.containPackage("dev.jamfmcp.mcp.testing")).isFalse();
    assertThat(classes.stream().allMatch(c -> ArchitectureRules.moduleOf(c).isPresent())).isTrue();
  }

  @ArchTest static final ArchTests rules = ArchTests.in(ArchitectureRules.class);
}

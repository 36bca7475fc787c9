package dev.jamfmcp.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.jamfmcp.mcp.McpServer;

/**
 * The architecture rules (defined in core's test jar) against the main code of every module on this
 * test class path: core, javalin and examples. This is where cross-module rules bite: javalin using
 * only core's API, nothing using another tree's {@code .internal}, no cycles across modules, and
 * the library hygiene rules over javalin's code as well as core's.
 */
@AnalyzeClasses(packages = "dev.jamfmcp", importOptions = ArchitectureRules.ProductionCode.class)
class ModuleArchitectureTest {
  @ArchTest
  static void imports_main_code_of_every_module(JavaClasses classes) {
    assertThat(classes.contain(McpServer.class)).isTrue();
    // core's test jar is on this class path, but its classes are tests, not production code
    assertThat(classes.containPackage("dev.jamfmcp.mcp.testing")).isFalse();
    assertThat(classes.containPackage("dev.jamfmcp.architecture")).isFalse();
    assertThat(classes.stream().allMatch(c -> ArchitectureRules.moduleOf(c).isPresent())).isTrue();
  }

  @ArchTest static final ArchTests rules = ArchTests.in(ArchitectureRules.class);
}

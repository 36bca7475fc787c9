package dev.jamfmcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.JamfClient;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * The context budget (issue #16): what {@code tools/list} of the default toolsets costs a model
 * before its first question. Prints the figure of every toolset and fails above the budget.
 */
class ContextBudgetTest {
  /** Most bytes of the default toolsets' tools/list result. */
  static final int BUDGET_BYTES = 25 * 1024;

  @Test
  void theDefaultToolsetsFitTheBudget() {
    try (JamfClient jamf = ToolListBytes.offlineClient()) {
      for (Toolset toolset : Toolset.values()) {
        System.out.printf(
            "tools/list %-10s %6d bytes%n", toolset, ToolListBytes.of(jamf, EnumSet.of(toolset)));
      }
      int all = ToolListBytes.of(jamf, EnumSet.allOf(Toolset.class));
      int defaults = ToolListBytes.defaults(jamf);
      System.out.printf("tools/list all        %6d bytes%n", all);
      System.out.printf(
          "tools/list defaults   %6d bytes (budget %d) %s + listToolsets, enableToolsets%n",
          defaults, BUDGET_BYTES, Toolset.defaults());
      assertThat(defaults)
          .as("tools/list bytes of the default toolsets")
          .isLessThanOrEqualTo(BUDGET_BYTES);
    }
  }
}

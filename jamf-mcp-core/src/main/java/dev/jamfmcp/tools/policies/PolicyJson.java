package dev.jamfmcp.tools.policies;

import dev.jamfmcp.jamf.ClassicRef;
import dev.jamfmcp.jamf.policies.Policy;
import dev.jamfmcp.mcp.jsonrpc.Json;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A policy as the tools show it, and the plain truth about how it runs. */
final class PolicyJson {
  private PolicyJson() {}

  static boolean ongoing(Policy.General general) {
    return general.frequency() == null || "Ongoing".equalsIgnoreCase(general.frequency().trim());
  }

  static boolean runsAtCheckIn(Policy.General general) {
    return Boolean.TRUE.equals(general.triggerCheckin());
  }

  static String customTrigger(Policy.General general) {
    String other = general.triggerOther();
    return other == null || other.isBlank() ? null : other.trim();
  }

  /** One sentence a model can relay: when this policy actually runs. */
  static String howItRuns(Policy policy) {
    Policy.General g = policy.general();
    StringBuilder text = new StringBuilder();
    if (Boolean.FALSE.equals(g.enabled())) {
      return "The policy is disabled: it does not run at all until someone enables it in Jamf Pro.";
    }
    if (runsAtCheckIn(g)) {
      text.append(
          "Runs on computers in scope at their recurring check-in (every 15 minutes by"
              + " default)");
    }
    String custom = customTrigger(g);
    if (custom != null) {
      text.append(text.length() == 0 ? "Runs" : "; also")
          .append(" when the custom event '")
          .append(custom)
          .append("' fires (sudo jamf policy -event ")
          .append(custom)
          .append(")");
    }
    if (policy.selfService() != null
        && Boolean.TRUE.equals(policy.selfService().useForSelfService())) {
      text.append(text.length() == 0 ? "Runs" : "; also")
          .append(" when a user starts it in Self" + " Service");
    }
    if (text.length() == 0) {
      text.append("Runs only on triggers not reported here (" + g.trigger() + "), not at check-in");
    }
    text.append(". Frequency: ")
        .append(g.frequency() == null ? "unknown" : g.frequency())
        .append(
            ongoing(g)
                ? "."
                : " (a computer that already ran it will not run it again"
                    + " unless its log is flushed).");
    return text.toString();
  }

  static ObjectNode details(Policy policy, String url) {
    Policy.General g = policy.general();
    ObjectNode out =
        Json.object()
            .put("id", g.id())
            .put("name", g.name())
            .put("enabled", !Boolean.FALSE.equals(g.enabled()))
            .put("trigger", g.trigger())
            .put("triggerCheckin", runsAtCheckIn(g))
            .put("customTrigger", customTrigger(g))
            .put("frequency", g.frequency())
            .put("category", g.category() == null ? null : g.category().name())
            .put(
                "selfService",
                policy.selfService() != null
                    && Boolean.TRUE.equals(policy.selfService().useForSelfService()))
            .put("url", url)
            .put("howItRuns", howItRuns(policy));
    ObjectNode scope = out.putObject("scope");
    Policy.Scope s = policy.scope();
    scope.put("allComputers", s != null && Boolean.TRUE.equals(s.allComputers()));
    refs(scope.putArray("computers"), s == null ? null : s.computers());
    refs(scope.putArray("computerGroups"), s == null ? null : s.computerGroups());
    refs(scope.putArray("buildings"), s == null ? null : s.buildings());
    refs(scope.putArray("departments"), s == null ? null : s.departments());
    ObjectNode exclusions = scope.putObject("exclusions");
    Policy.Exclusions e = s == null ? null : s.exclusions();
    refs(exclusions.putArray("computers"), e == null ? null : e.computers());
    refs(exclusions.putArray("computerGroups"), e == null ? null : e.computerGroups());
    refs(exclusions.putArray("buildings"), e == null ? null : e.buildings());
    refs(exclusions.putArray("departments"), e == null ? null : e.departments());
    return out;
  }

  private static void refs(ArrayNode into, List<ClassicRef> refs) {
    if (refs != null) {
      refs.forEach(r -> into.addObject().put("id", r.id()).put("name", r.name()));
    }
  }
}

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
            .put("id", String.valueOf(g.id()))
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
    ArrayNode triggers = out.putArray("triggers");
    triggers(g).forEach(triggers::add);
    contents(policy, out);
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

  /** Every event that starts the policy, in Jamf Pro's words. */
  static List<String> triggers(Policy.General g) {
    List<String> out = new java.util.ArrayList<>();
    if (runsAtCheckIn(g)) {
      out.add("Recurring Check-in");
    }
    if (Boolean.TRUE.equals(g.triggerLogin())) {
      out.add("Login");
    }
    if (Boolean.TRUE.equals(g.triggerStartup())) {
      out.add("Startup");
    }
    if (Boolean.TRUE.equals(g.triggerEnrollmentComplete())) {
      out.add("Enrollment Complete");
    }
    if (Boolean.TRUE.equals(g.triggerNetworkStateChanged())) {
      out.add("Network State Change");
    }
    String custom = customTrigger(g);
    if (custom != null) {
      out.add("Custom: " + custom);
    }
    return out;
  }

  /** Packages, scripts (only parameters that have a value) and the Self Service text. */
  private static void contents(Policy policy, ObjectNode out) {
    ArrayNode packages = out.putArray("packages");
    if (policy.packageConfiguration() != null && policy.packageConfiguration().packages() != null) {
      policy
          .packageConfiguration()
          .packages()
          .forEach(
              p ->
                  packages
                      .addObject()
                      .put("id", String.valueOf(p.id()))
                      .put("name", p.name())
                      .put("action", p.action()));
    }
    ArrayNode scripts = out.putArray("scripts");
    if (policy.scripts() != null) {
      for (Policy.ScriptRun run : policy.scripts()) {
        ObjectNode script =
            scripts
                .addObject()
                .put("id", String.valueOf(run.id()))
                .put("name", run.name())
                .put("priority", run.priority());
        ObjectNode parameters = script.putObject("parameters");
        List<String> values = run.parameters();
        for (int i = 0; i < values.size(); i++) {
          String value = values.get(i);
          if (value != null && !value.isEmpty()) {
            parameters.put(String.valueOf(i + 4), value);
          }
        }
      }
    }
    Policy.SelfService ss = policy.selfService();
    if (ss != null && Boolean.TRUE.equals(ss.useForSelfService())) {
      out.putObject("selfServiceDetails")
          .put("displayName", ss.displayName())
          .put("description", ss.description())
          .put("installButtonText", ss.installButtonText())
          .put("featured", Boolean.TRUE.equals(ss.featureOnMainPage()));
    }
  }

  private static void refs(ArrayNode into, List<ClassicRef> refs) {
    if (refs != null) {
      refs.forEach(r -> into.addObject().put("id", String.valueOf(r.id())).put("name", r.name()));
    }
  }
}

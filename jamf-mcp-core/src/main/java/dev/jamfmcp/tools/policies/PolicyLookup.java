package dev.jamfmcp.tools.policies;

import dev.jamfmcp.jamf.ClassicRef;
import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.tools.support.ToolBodies;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/** Finds the one policy a call means, by {@code policyId} or by exact {@code policyName}. */
final class PolicyLookup {
  private PolicyLookup() {}

  /** The policy id; a ToolException when both or neither are given, or the name is ambiguous. */
  static int resolve(JamfClient jamf, ObjectNode arguments) {
    String id = ToolBodies.text(arguments, "policyId");
    String name = ToolBodies.text(arguments, "policyName");
    if ((id == null) == (name == null)) {
      throw new ToolException("Give exactly one of policyId or policyName. Nothing was done.");
    }
    if (id != null) {
      return ToolBodies.classicId(id, "policyId");
    }
    List<ClassicRef> all = jamf.policies().list();
    List<ClassicRef> exact = all.stream().filter(p -> name.equalsIgnoreCase(p.name())).toList();
    if (exact.size() == 1) {
      return exact.get(0).id();
    }
    if (exact.size() > 1) {
      throw new ToolException(
          exact.size()
              + " policies are named '"
              + name
              + "': "
              + describe(exact)
              + ". Call again with policyId. Nothing was done.");
    }
    String folded = name.toLowerCase(Locale.ROOT);
    List<ClassicRef> similar =
        all.stream()
            .filter(p -> p.name() != null && p.name().toLowerCase(Locale.ROOT).contains(folded))
            .limit(10)
            .toList();
    throw new ToolException(
        "No policy is named '"
            + name
            + "'"
            + (similar.isEmpty() ? "" : "; similar names: " + describe(similar))
            + ". Use listPolicies to find it. Nothing was done.");
  }

  private static String describe(List<ClassicRef> policies) {
    StringBuilder text = new StringBuilder();
    for (ClassicRef p : policies) {
      text.append(text.length() == 0 ? "" : "; ")
          .append(p.name())
          .append(" (id ")
          .append(p.id())
          .append(")");
    }
    return text.toString();
  }
}

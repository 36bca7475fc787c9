package dev.jamfmcp.mcp.approval;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * When an approval needs four eyes: a second, different person holding the approver scope must also
 * approve. Applies to the named tools, the named actions, or requests on more than {@code
 * maxDevices} targets.
 *
 * @param tools tool names that always need a second person
 * @param actions action labels (as in {@link ApprovalRequest#action()}, case-insensitive) that do
 * @param maxDevices a request on more targets than this needs a second person; {@link
 *     Integer#MAX_VALUE} for no limit
 */
public record SecondPersonPolicy(Set<String> tools, Set<String> actions, int maxDevices) {
  public SecondPersonPolicy {
    tools = Set.copyOf(tools);
    Set<String> lower = new LinkedHashSet<>();
    actions.forEach(a -> lower.add(a.toLowerCase(Locale.ROOT)));
    actions = Set.copyOf(lower);
    if (maxDevices < 0) {
      throw new IllegalArgumentException("maxDevices must not be negative");
    }
  }

  /** No request needs a second person. */
  public static SecondPersonPolicy none() {
    return new SecondPersonPolicy(Set.of(), Set.of(), Integer.MAX_VALUE);
  }

  /**
   * Parses the {@code MCP_APPROVAL_SECOND_PERSON} syntax: clauses separated by {@code ;}, each
   * {@code tools=a,b}, {@code actions=Erase,Lock} or {@code devices>N}. Blank means {@link
   * #none()}. Example: {@code tools=eraseDevice,lockDevice;devices>10}.
   *
   * @throws IllegalArgumentException on a clause it does not understand
   */
  public static SecondPersonPolicy parse(String text) {
    if (text == null || text.isBlank()) {
      return none();
    }
    Set<String> tools = new LinkedHashSet<>();
    Set<String> actions = new LinkedHashSet<>();
    int maxDevices = Integer.MAX_VALUE;
    for (String raw : text.split(";", -1)) {
      String clause = raw.strip();
      if (clause.isEmpty()) {
        continue;
      }
      if (clause.startsWith("tools=")) {
        tools.addAll(list(clause.substring(6), clause));
      } else if (clause.startsWith("actions=")) {
        actions.addAll(list(clause.substring(8), clause));
      } else if (clause.startsWith("devices>")) {
        try {
          maxDevices = Integer.parseInt(clause.substring(8).strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("devices>N needs a whole number: " + clause, e);
        }
        if (maxDevices < 0) {
          throw new IllegalArgumentException("devices>N needs N >= 0: " + clause);
        }
      } else {
        throw new IllegalArgumentException(
            "unknown clause '" + clause + "' (expected tools=a,b; actions=A,B; devices>N)");
      }
    }
    return new SecondPersonPolicy(tools, actions, maxDevices);
  }

  private static Set<String> list(String names, String clause) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : names.split(",", -1)) {
      if (!name.isBlank()) {
        out.add(name.strip());
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("empty list in " + clause);
    }
    return out;
  }

  /** Whether {@code request} needs a second person. */
  public boolean requires(ApprovalRequest request) {
    return tools.contains(request.tool())
        || actions.contains(request.action().toLowerCase(Locale.ROOT))
        || request.targets().size() > maxDevices;
  }
}

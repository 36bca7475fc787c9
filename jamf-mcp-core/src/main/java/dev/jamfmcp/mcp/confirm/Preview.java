package dev.jamfmcp.mcp.confirm;

import java.util.List;
import java.util.Objects;

/**
 * What a write will do, shown to the user before anything happens.
 *
 * @param action short verb phrase, e.g. "Erase 2 computers"
 * @param summary one or two sentences: what happens, what cannot be undone, what comes next
 * @param targets one line per affected object, e.g. "MBP-ENG-0042 (serial C02XK1JHJG5H, id 42)"
 * @param irreversible true when the action cannot be undone (erase, for instance)
 * @param typedPhrase a phrase the user must type to confirm, or null when a yes is enough
 */
public record Preview(
    String action, String summary, List<String> targets, boolean irreversible, String typedPhrase) {
  public Preview {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(summary, "summary");
    targets = List.copyOf(targets);
  }

  public static Preview of(
      String action, String summary, List<String> targets, boolean irreversible) {
    return new Preview(action, summary, targets, irreversible, null);
  }

  /** The preview as text for a person: action, summary and the targets, one per line. */
  public String describe() {
    StringBuilder text = new StringBuilder(action).append(". ").append(summary);
    if (irreversible) {
      text.append(" This cannot be undone.");
    }
    if (!targets.isEmpty()) {
      text.append("\nTargets (").append(targets.size()).append("):");
      targets.forEach(t -> text.append("\n- ").append(t));
    }
    return text.toString();
  }
}

package dev.jamfmcp.tools.resources;

import dev.jamfmcp.jamf.ClassicRef;
import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.groups.SmartComputerGroup;
import dev.jamfmcp.jamf.groups.StaticComputerGroup;
import dev.jamfmcp.jamf.inventory.InventoryRecords.Criterion;
import dev.jamfmcp.jamf.policies.Policy;
import dev.jamfmcp.jamf.scripts.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fleet documentation a person can save ({@code jamf://docs/fleet.md}): policies with their
 * contents, configuration profiles, computer groups and scripts, in Markdown. Bounded: at most
 * {@link #MAX_ITEMS} objects of each kind (one request per policy and per smart group) and at most
 * {@link #MAX_CHARS} characters; what is left out is said at the end.
 */
final class FleetDoc {
  static final int MAX_ITEMS = 200;
  static final int MAX_CHARS = 200_000;

  private final JamfClient jamf;
  private final StringBuilder md = new StringBuilder();
  private final List<String> omitted = new ArrayList<>();

  FleetDoc(JamfClient jamf) {
    this.jamf = jamf;
  }

  String render() {
    md.append("# Jamf Pro fleet documentation\n\nJamf Pro ")
        .append(jamf.jamfProVersion())
        .append("\n");
    policies();
    profiles();
    groups();
    scripts();
    if (md.length() > MAX_CHARS) {
      md.setLength(MAX_CHARS);
      omitted.add("the text after " + MAX_CHARS + " characters");
    }
    if (!omitted.isEmpty()) {
      md.append("\n\n_Left out to keep this bounded: ")
          .append(String.join("; ", omitted))
          .append("._\n");
    }
    return md.toString();
  }

  private void policies() {
    List<ClassicRef> all = jamf.policies().list();
    md.append("\n## Policies (").append(all.size()).append(")\n");
    for (ClassicRef ref : bounded(all, "policies")) {
      Policy p = jamf.policies().get(ref.id());
      Policy.General g = p.general();
      md.append("\n### ").append(g.name()).append(" (id ").append(g.id()).append(")\n\n");
      line("Enabled", Boolean.FALSE.equals(g.enabled()) ? "no" : "yes");
      line("Category", g.category() == null ? "" : g.category().name());
      line("Triggers", String.join(", ", triggers(g)));
      line("Frequency", g.frequency());
      if (p.packageConfiguration() != null && p.packageConfiguration().packages() != null) {
        line(
            "Packages",
            p.packageConfiguration().packages().stream()
                .map(k -> k.name() + " (" + k.action() + ")")
                .collect(Collectors.joining(", ")));
      }
      if (p.scripts() != null) {
        for (Policy.ScriptRun s : p.scripts()) {
          List<String> params = new ArrayList<>();
          for (int i = 0; i < s.parameters().size(); i++) {
            String v = s.parameters().get(i);
            if (v != null && !v.isEmpty()) {
              params.add("$" + (i + 4) + "=" + v);
            }
          }
          line("Script", s.name() + " (" + s.priority() + ") " + String.join(" ", params));
        }
      }
      Policy.Scope sc = p.scope();
      if (sc != null) {
        line(
            "Scope",
            Boolean.TRUE.equals(sc.allComputers())
                ? "all computers"
                : names(sc.computerGroups()) + " " + count(sc.computers(), "computers"));
        if (sc.exclusions() != null) {
          line(
              "Exclusions",
              names(sc.exclusions().computerGroups())
                  + " "
                  + count(sc.exclusions().computers(), "computers"));
        }
      }
      boolean ss =
          p.selfService() != null && Boolean.TRUE.equals(p.selfService().useForSelfService());
      line("Self Service", ss ? "yes" : "no");
    }
  }

  private void profiles() {
    List<ClassicRef> mac = jamf.configurationProfiles().macProfiles();
    List<ClassicRef> mobile = jamf.configurationProfiles().mobileProfiles();
    md.append("\n## Configuration profiles\n\n### macOS (").append(mac.size()).append(")\n\n");
    bounded(mac, "macOS profiles").forEach(r -> item(r.name() + " (id " + r.id() + ")"));
    md.append("\n### Mobile (").append(mobile.size()).append(")\n\n");
    bounded(mobile, "mobile profiles").forEach(r -> item(r.name() + " (id " + r.id() + ")"));
  }

  private void groups() {
    List<SmartComputerGroup> smart =
        jamf.computerGroups().smartGroups(ListQuery.all()).first(MAX_ITEMS + 1);
    md.append("\n## Computer groups\n\n### Smart\n\n");
    for (SmartComputerGroup g : bounded(smart, "smart groups")) {
      List<Criterion> criteria = jamf.inventory().computerSmartGroup(g.id()).criteria();
      item(
          g.name()
              + " ("
              + (g.membershipCount() == null ? "?" : g.membershipCount())
              + " members): "
              + (criteria == null
                  ? ""
                  : criteria.stream()
                      .map(c -> c.name() + " " + c.searchType() + " " + c.value())
                      .collect(Collectors.joining(" / "))));
    }
    List<StaticComputerGroup> statics =
        jamf.computerGroups().staticGroups(ListQuery.all()).first(MAX_ITEMS + 1);
    md.append("\n### Static\n\n");
    bounded(statics, "static groups")
        .forEach(g -> item(g.name() + " (" + (g.count() == null ? "?" : g.count()) + " members)"));
  }

  private void scripts() {
    List<Script> scripts = jamf.scripts().list(ListQuery.all()).first(MAX_ITEMS + 1);
    md.append("\n## Scripts\n\n");
    bounded(scripts, "scripts")
        .forEach(
            s ->
                item(
                    s.name()
                        + (s.categoryName() == null || s.categoryName().isEmpty()
                            ? ""
                            : " — " + s.categoryName())));
  }

  private <T> List<T> bounded(List<T> all, String what) {
    if (all.size() > MAX_ITEMS) {
      omitted.add(what + " after the first " + MAX_ITEMS);
      return all.subList(0, MAX_ITEMS);
    }
    return all;
  }

  private void line(String label, String value) {
    md.append("- **").append(label).append("**: ").append(value == null ? "" : value).append('\n');
  }

  private void item(String text) {
    md.append("- ").append(text).append('\n');
  }

  private static String names(List<ClassicRef> refs) {
    return refs == null || refs.isEmpty()
        ? ""
        : refs.stream().map(ClassicRef::name).collect(Collectors.joining(", "));
  }

  private static String count(List<ClassicRef> refs, String what) {
    return refs == null || refs.isEmpty() ? "" : "(" + refs.size() + " " + what + ")";
  }

  private static List<String> triggers(Policy.General g) {
    List<String> out = new ArrayList<>();
    if (Boolean.TRUE.equals(g.triggerCheckin())) {
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
    if (g.triggerOther() != null && !g.triggerOther().isBlank()) {
      out.add("Custom: " + g.triggerOther().trim());
    }
    return out;
  }
}

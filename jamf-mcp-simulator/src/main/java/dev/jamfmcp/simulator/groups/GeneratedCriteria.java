package dev.jamfmcp.simulator.groups;

import dev.jamfmcp.simulator.fleet.Department;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.rsql.RsqlNode;
import dev.jamfmcp.simulator.rsql.RsqlParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated smart computer groups are defined by RSQL filters over the inventory (so that tests
 * can check them against the inventory endpoint); this gives each the criteria an admin would have
 * built in Jamf Pro for it, which the store evaluates to the same members (a test holds them to
 * that).
 */
final class GeneratedCriteria {
  private GeneratedCriteria() {}

  static List<Criterion> of(String rsql, Fleet fleet) {
    RsqlNode node = RsqlParser.parse(rsql).orElseThrow();
    List<RsqlNode> terms = node instanceof RsqlNode.And and ? and.children() : List.of(node);
    List<Criterion> out = new ArrayList<>();
    for (RsqlNode term : terms) {
      out.addAll(criteria(out.size(), (RsqlNode.Comparison) term, fleet));
    }
    return out;
  }

  private static List<Criterion> criteria(int priority, RsqlNode.Comparison c, Fleet fleet) {
    if (c.selector().equals("diskEncryption.fileVault2Enabled")
        && c.arguments().get(0).equals("false")) {
      // not enabled: neither all nor the boot partitions encrypted (not collected stays out)
      return List.of(
          Criterion.of(priority, "FileVault 2 Status", "is", "No Partitions Encrypted"),
          new Criterion(
              "FileVault 2 Status",
              priority + 1,
              "or",
              "is",
              "Some Partitions Encrypted",
              false,
              false));
    }
    return List.of(criterion(priority, c, fleet));
  }

  private static Criterion criterion(int priority, RsqlNode.Comparison c, Fleet fleet) {
    String value = c.arguments().get(0);
    String wildcard = String.valueOf(RsqlParser.WILDCARD);
    switch (c.selector()) {
      case "id":
        return Criterion.of(priority, "Computer ID", "more than", value);
      case "operatingSystem.version":
        // 26.* : versions starting "26." (no fleet version holds "26." elsewhere)
        return Criterion.of(
            priority, "Operating System Version", "like", value.replace(wildcard, ""));
      case "general.lastContactTime":
        long days = Duration.between(Instant.parse(value), fleet.now()).toDays();
        return Criterion.of(priority, "Last Check-in", "more than x days ago", Long.toString(days));
      case "userAndLocation.departmentId":
        String name =
            fleet.departments().stream()
                .filter(d -> Integer.toString(d.id()).equals(value))
                .map(Department::name)
                .findFirst()
                .orElseThrow();
        return Criterion.of(priority, "Department", "is", name);
      case "hardware.appleSilicon":
        return Criterion.of(priority, "Apple Silicon", "is", yesNo(value));
      case "security.firewallEnabled":
        return Criterion.of(priority, "Firewall Enabled", "is", yesNo(value));
      default:
        throw new IllegalStateException("No criterion for generated filter on " + c.selector());
    }
  }

  private static String yesNo(String bool) {
    return Boolean.parseBoolean(bool) ? "Yes" : "No";
  }
}

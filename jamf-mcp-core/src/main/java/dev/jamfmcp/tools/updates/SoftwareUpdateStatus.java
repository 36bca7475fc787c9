package dev.jamfmcp.tools.updates;

import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Rsql;
import dev.jamfmcp.jamf.updates.AvailableOsUpdates;
import dev.jamfmcp.jamf.updates.SoftwareUpdates;
import dev.jamfmcp.jamf.updates.SoftwareUpdates.GroupType;
import dev.jamfmcp.jamf.updates.UpdatePlan;
import dev.jamfmcp.jamf.updates.UpdateStatus;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.support.DeviceTargets;
import dev.jamfmcp.tools.support.DeviceTargets.Device;
import dev.jamfmcp.tools.support.DeviceTargets.Kind;
import dev.jamfmcp.tools.support.Ids;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * getSoftwareUpdateStatus: OS update plans with counts by outcome, the update statuses devices
 * report, and the OS versions Apple offers, for the fleet, one device, one group or one plan, in
 * one call. When Jamf Pro has plans switched off (the feature toggle), it says so instead of
 * returning an empty list.
 */
final class SoftwareUpdateStatus {
  static final String NAME = "getSoftwareUpdateStatus";

  /** Plan states that mean the plan ended without installing. */
  private static final Set<String> FAILED = Set.of("PlanFailed", "PlanException", "RejectingPlan");

  static final String TOGGLE_OFF =
      "Managed software update plans are turned off in Jamf Pro (the feature toggle under"
          + " Settings > Computer management > Managed Software Updates), so Jamf Pro lists and"
          + " creates no plans.";

  private final ToolSupport support;

  SoftwareUpdateStatus(ToolSupport support) {
    this.support = support;
  }

  /** failed, completed, canceled or inProgress. */
  static String outcome(String state) {
    if (FAILED.contains(state)) {
      return "failed";
    }
    return switch (state) {
      case "PlanCompleted" -> "completed";
      case "PlanCanceled" -> "canceled";
      default -> "inProgress";
    };
  }

  Tool tool() {
    ObjectNode plan =
        Schemas.object()
            .property("planId", Schemas.typed("string", "Plan uuid"))
            .property("device", Schemas.typed("object", "ref, name, serial"))
            .property("updateAction", Schemas.typed("string", "e.g. DOWNLOAD_INSTALL"))
            .property("versionType", Schemas.typed("string", "e.g. LATEST_MINOR"))
            .property("specificVersion", Schemas.nullableString("Target of SPECIFIC_VERSION"))
            .property("state", Schemas.typed("string", "Jamf's plan state, e.g. PlanFailed"))
            .property("outcome", Schemas.typed("string", "failed, inProgress, completed, canceled"))
            .property("errorReasons", Schemas.arrayOf(Schemas.typed("string", "e.g. NOT_MANAGED")))
            .required("planId", "device", "state", "outcome")
            .buildOpen();
    return Tool.builder(NAME)
        .title("OS update plans and status")
        .description(
            "Managed software updates: OS update plans with counts by outcome (failed,"
                + " inProgress, completed, canceled) and failure reasons, the update status"
                + " devices report (downloading, installed, errors), and the macOS/iOS versions"
                + " Apple offers. For the fleet (optionally computers or mobile only), one device,"
                + " one group, or one plan; filter plans by outcome, e.g. deviceType=computer,"
                + " outcome=failed for Macs whose update plan failed.")
        .inputSchema(
            Schemas.object()
                .string(
                    "device",
                    "One device: computer:<id>, mobile:<id>, a plain id (a computer), a serial"
                        + " number or an exact name",
                    200)
                .property(
                    "groupId", Ids.object("A computer or mobile device group id (see groupType)"))
                .enumeration(
                    "groupType", "Type of groupId (default computer)", "computer", "mobile")
                .property("planId", Ids.uuid("One plan's uuid"))
                .enumeration("deviceType", "Fleet-wide: only these plans", "computer", "mobile")
                .enumeration(
                    "outcome",
                    "Only plans with this outcome",
                    "failed",
                    "inProgress",
                    "completed",
                    "canceled")
                .integer("limit", "Most plans and statuses to list", 1, 100, 25)
                .build())
        .outputSchema(
            Schemas.object()
                .property("featureEnabled", Schemas.typed("boolean", "Plans switched on in Jamf"))
                .property("availableUpdates", Schemas.typed("object", "macOS and iOS versions"))
                .property("planCounts", Schemas.typed("object", "Plans by outcome, and total"))
                .property("errorReasons", Schemas.typed("object", "Failed plans by reason"))
                .property("plans", Schemas.arrayOf(plan))
                .property("statusCounts", Schemas.typed("object", "Device statuses by status"))
                .property(
                    "statuses",
                    Schemas.arrayOf(Schemas.typed("object", "device, status, percent, version")))
                .required("featureEnabled", "planCounts", "plans")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(ToolBodies.read(this::call))
        .build();
  }

  private ToolResult call(ObjectNode args, RequestContext ctx) {
    String deviceArg = ToolBodies.text(args, "device");
    String groupId = ToolBodies.text(args, "groupId");
    String planId = ToolBodies.text(args, "planId");
    int chosen = (deviceArg == null ? 0 : 1) + (groupId == null ? 0 : 1) + (planId == null ? 0 : 1);
    if (chosen > 1) {
      throw new ToolException("Name at most one of device, groupId and planId.");
    }
    if (groupId != null && !groupId.matches("\\d{1,10}")) {
      throw new ToolException("groupId must be a Jamf group id (a number).");
    }
    GroupType groupType =
        "mobile".equals(ToolBodies.text(args, "groupType"))
            ? GroupType.MOBILE_DEVICE_GROUP
            : GroupType.COMPUTER_GROUP;
    String deviceType = ToolBodies.text(args, "deviceType");
    String wanted = ToolBodies.text(args, "outcome");
    int limit = ToolBodies.integer(args, "limit", 25);
    SoftwareUpdates updates = support.jamf().softwareUpdates();

    Device device = null;
    if (deviceArg != null) {
      device = new DeviceTargets(support.jamf()).resolve(List.of(deviceArg)).requireAll().get(0);
    }
    boolean enabled = updates.featureToggle().toggle();
    ObjectNode out = Json.object().put("featureEnabled", enabled);
    AvailableOsUpdates available = updates.availableUpdates();
    ObjectNode offered = out.putObject("availableUpdates");
    available.macOS().forEach(offered.withArray("macOS")::add);
    available.iOS().forEach(offered.withArray("iOS")::add);

    List<UpdatePlan> plans = new ArrayList<>();
    if (enabled) {
      if (planId != null) {
        plans.add(updates.plan(planId));
      } else if (groupId != null) {
        plans.addAll(updates.groupPlans(groupId, groupType));
      } else {
        Rsql filter = null;
        if (device != null) {
          filter =
              Rsql.eq("device.deviceId", device.id())
                  .and(Rsql.in("device.objectType", objectTypes(device.kind() == Kind.COMPUTER)));
        } else if (deviceType != null) {
          filter = Rsql.in("device.objectType", objectTypes(deviceType.equals("computer")));
        }
        updates.plans(ListQuery.all().withFilter(filter).withPageSize(2000)).forEach(plans::add);
      }
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (String o : List.of("failed", "inProgress", "completed", "canceled")) {
      counts.put(o, 0);
    }
    Map<String, Integer> reasons = new TreeMap<>();
    List<UpdatePlan> listed = new ArrayList<>();
    int matching = 0;
    for (UpdatePlan p : plans) {
      String o = outcome(p.state());
      counts.merge(o, 1, Integer::sum);
      if (wanted != null && !wanted.equals(o)) {
        continue;
      }
      matching++;
      if (o.equals("failed")) {
        reasons(p).forEach(r -> reasons.merge(r, 1, Integer::sum));
      }
      if (listed.size() < limit) {
        listed.add(p);
      }
    }
    ObjectNode planCounts = out.putObject("planCounts");
    counts.forEach(planCounts::put);
    planCounts.put("total", plans.size());
    ObjectNode reasonCounts = out.putObject("errorReasons");
    reasons.forEach(reasonCounts::put);

    List<UpdateStatus> statuses;
    if (device != null) {
      statuses =
          device.kind() == Kind.COMPUTER
              ? updates.computerStatuses(device.id())
              : updates.mobileDeviceStatuses(device.id());
    } else if (groupId != null) {
      statuses = updates.groupStatuses(groupId, groupType);
    } else if (planId != null) {
      statuses = List.of();
    } else {
      statuses =
          updates.statuses(
              deviceType == null
                  ? null
                  : Rsql.in("device.objectType", objectTypes(deviceType.equals("computer"))));
    }
    Map<String, Integer> statusCounts = new TreeMap<>();
    statuses.forEach(s -> statusCounts.merge(String.valueOf(s.status()), 1, Integer::sum));
    ObjectNode statusCountNode = out.putObject("statusCounts");
    statusCounts.forEach(statusCountNode::put);

    List<String> refs = new ArrayList<>();
    listed.forEach(p -> refs.add(ref(p.device())));
    List<UpdateStatus> shownStatuses =
        statuses.subList(
            0, Math.min(statuses.size(), device == null && groupId == null ? 0 : limit));
    shownStatuses.forEach(s -> refs.add(ref(s.device())));
    Map<String, Device> names = names(refs, device);

    ArrayNode planItems = out.putArray("plans");
    for (UpdatePlan p : listed) {
      ObjectNode item = planItems.addObject().put("planId", p.planUuid());
      item.set("device", deviceJson(p.device(), names));
      item.put("updateAction", p.updateAction())
          .put("versionType", p.versionType())
          .put(
              "specificVersion",
              "NO_SPECIFIC_VERSION".equals(p.specificVersion()) ? null : p.specificVersion())
          .put("state", p.state())
          .put("outcome", outcome(p.state()));
      if (p.maxDeferrals() != null && "DOWNLOAD_INSTALL_ALLOW_DEFERRAL".equals(p.updateAction())) {
        item.put("maxDeferrals", p.maxDeferrals());
      }
      if (p.forceInstallLocalDateTime() != null) {
        item.put("forceInstallLocalDateTime", p.forceInstallLocalDateTime());
      }
      ArrayNode errors = item.putArray("errorReasons");
      reasons(p).forEach(errors::add);
    }
    out.put("plansMatching", matching).put("plansReturned", listed.size());
    ArrayNode statusItems = out.putArray("statuses");
    for (UpdateStatus s : shownStatuses) {
      ObjectNode item = statusItems.addObject();
      item.set("device", deviceJson(s.device(), names));
      item.put("status", s.status())
          .put("productKey", s.productKey())
          .put("downloadPercentComplete", s.downloadPercentComplete())
          .put("downloaded", s.downloaded());
      if (s.deferralsRemaining() != null) {
        item.put("deferralsRemaining", s.deferralsRemaining());
      }
      item.put("updated", s.updated());
    }
    return ToolResult.structured(
        summary(enabled, counts, plans.size(), matching, wanted, statusCounts), out);
  }

  private static String summary(
      boolean enabled,
      Map<String, Integer> counts,
      int total,
      int matching,
      String wanted,
      Map<String, Integer> statusCounts) {
    StringBuilder text = new StringBuilder();
    if (!enabled) {
      text.append(TOGGLE_OFF).append(" Device update statuses and available versions follow.");
    } else {
      text.append(total)
          .append(total == 1 ? " update plan: " : " update plans: ")
          .append(counts.get("failed"))
          .append(" failed, ")
          .append(counts.get("inProgress"))
          .append(" in progress, ")
          .append(counts.get("completed"))
          .append(" completed, ")
          .append(counts.get("canceled"))
          .append(" canceled.");
      if (wanted != null) {
        text.append(" ").append(matching).append(" ").append(wanted).append(".");
      }
    }
    if (!statusCounts.isEmpty()) {
      text.append(" Device statuses: ").append(statusCounts).append(".");
    }
    return text.toString();
  }

  private static List<String> reasons(UpdatePlan p) {
    return p.status() == null ? List.of() : p.status().errorReasons();
  }

  private static List<String> objectTypes(boolean computer) {
    return computer ? List.of("COMPUTER") : List.of("MOBILE_DEVICE", "APPLE_TV");
  }

  private static String ref(dev.jamfmcp.jamf.updates.PlanDevice d) {
    if (d == null) {
      return "unknown";
    }
    return ("COMPUTER".equals(d.objectType()) ? "computer:" : "mobile:") + d.deviceId();
  }

  /** Names and serials for the devices shown, in at most two requests; missing ones stay bare. */
  private Map<String, Device> names(List<String> refs, Device known) {
    Map<String, Device> names = new HashMap<>();
    if (known != null) {
      names.put(known.ref(), known);
    }
    List<String> wanted =
        refs.stream()
            .distinct()
            .filter(r -> !r.equals("unknown") && !names.containsKey(r))
            .toList();
    if (!wanted.isEmpty()) {
      new DeviceTargets(support.jamf())
          .resolve(wanted.subList(0, Math.min(wanted.size(), DeviceTargets.MAX_IDENTIFIERS)))
          .devices()
          .forEach(d -> names.put(d.ref(), d));
    }
    return names;
  }

  private static ObjectNode deviceJson(
      dev.jamfmcp.jamf.updates.PlanDevice d, Map<String, Device> names) {
    String ref = ref(d);
    Device named = names.get(ref);
    if (named != null) {
      return named.toJson();
    }
    return Json.object().put("ref", ref).put("type", d == null ? null : d.objectType());
  }
}

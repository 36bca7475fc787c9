package dev.jamfmcp.tools.updates;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.updates.AvailableOsUpdates;
import dev.jamfmcp.jamf.updates.CreatedPlan;
import dev.jamfmcp.jamf.updates.PlanConfig;
import dev.jamfmcp.jamf.updates.PlanConfig.UpdateAction;
import dev.jamfmcp.jamf.updates.PlanConfig.VersionType;
import dev.jamfmcp.jamf.updates.SoftwareUpdates;
import dev.jamfmcp.jamf.updates.SoftwareUpdates.DeviceType;
import dev.jamfmcp.jamf.updates.SoftwareUpdates.GroupType;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.mcp.confirm.GatedWrite;
import dev.jamfmcp.mcp.confirm.Preview;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.ApprovalClass;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.support.DeviceTargets;
import dev.jamfmcp.tools.support.DeviceTargets.Device;
import dev.jamfmcp.tools.support.DeviceTargets.Kind;
import dev.jamfmcp.tools.support.Ids;
import dev.jamfmcp.tools.support.JamfFailures;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * createSoftwareUpdatePlan: an OS update plan for devices or a group. Class {@code approve} for
 * every plan that installs (an install restarts the device, and an OS update cannot be rolled back:
 * Apple allows no downgrade), for one device as for many, as a restart by MDM command is; and for a
 * group, whose members the preview cannot list. {@code confirm} only for {@code DOWNLOAD_ONLY} on
 * named devices: the download can be replaced by a later plan and nothing is installed.
 */
final class CreateSoftwareUpdatePlan {
  static final String NAME = "createSoftwareUpdatePlan";
  private static final String LOCAL_DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}";

  private final ToolSupport support;

  CreateSoftwareUpdatePlan(ToolSupport support) {
    this.support = support;
  }

  Tool tool() {
    List<String> actions = new ArrayList<>();
    for (UpdateAction a : UpdateAction.values()) {
      actions.add(a.name());
    }
    List<String> versions = new ArrayList<>();
    for (VersionType v : VersionType.values()) {
      versions.add(v.name());
    }
    ObjectNode input =
        Schemas.object()
            .strings(
                "deviceIds",
                "The devices, all computers or all mobile: computer:<id>, mobile:<id>, a plain"
                    + " id (a computer), a serial number or an exact name",
                DeviceTargets.MAX_IDENTIFIERS,
                200)
            .property("groupId", Ids.object("Or a group id: every member gets a plan"))
            .enumeration("groupType", "Type of groupId (default computer)", "computer", "mobile")
            .enumeration(
                "updateAction",
                "What to do; _ALLOW_DEFERRAL needs maxDeferrals, _SCHEDULE"
                    + " forceInstallLocalDateTime",
                actions.toArray(String[]::new))
            .enumeration(
                "versionType",
                "LATEST_MINOR: newest of the installed major; LATEST_MAJOR/LATEST_ANY: newest;"
                    + " SPECIFIC_VERSION: specificVersion",
                versions.toArray(String[]::new))
            .string("specificVersion", "e.g. 15.7.2, one Jamf lists as available", 20)
            .integer("maxDeferrals", "Deferrals the user may take", 0, 99, null)
            .string(
                "forceInstallLocalDateTime",
                "Install by this device-local time, e.g. 2026-12-24T18:00:00",
                19)
            .property(ConfirmationGate.TOKEN_ARGUMENT, ConfirmationGate.tokenArgumentSchema())
            .property(ConfirmationGate.APPROVAL_ARGUMENT, ConfirmationGate.approvalArgumentSchema())
            .required("updateAction", "versionType")
            .build();
    ObjectNode executed =
        Schemas.object()
            .property("status", Schemas.typed("string", "executed"))
            .property(
                "plans", Schemas.arrayOf(Schemas.typed("object", "planId and device (ref, name)")))
            .buildOpen();
    return Tool.builder(NAME)
        .title("Create an OS update plan")
        .description(
            "Creates a managed software update plan: Jamf Pro downloads (and, unless"
                + " DOWNLOAD_ONLY, installs, restarting) the chosen macOS or iOS/iPadOS version on"
                + " the devices or a group's members. Check the outcome with"
                + " getSoftwareUpdateStatus. The first call returns a preview; installs need a"
                + " person's approval, DOWNLOAD_ONLY on named devices a confirmation. "
                + ApprovalClass.APPROVE.sentence())
        .inputSchema(input)
        .outputSchema(ConfirmationGate.outputSchema((ObjectNode) executed.get("properties")))
        .annotations(ToolAnnotations.destructive(false))
        .approvalClass(ApprovalClass.APPROVE)
        .requiredScopes(JamfScopes.WRITE)
        .handler(this::call)
        .build();
  }

  private ToolResult call(ObjectNode args, RequestContext ctx) throws Exception {
    List<String> identifiers = ToolBodies.strings(args, "deviceIds");
    String groupId = ToolBodies.text(args, "groupId");
    if (identifiers.isEmpty() == (groupId == null)) {
      throw new ToolException("Name either deviceIds or groupId (one of them). Nothing was done.");
    }
    if (groupId != null && !groupId.matches("\\d{1,10}")) {
      throw new ToolException("groupId must be a Jamf group id (a number). Nothing was done.");
    }
    PlanConfig config = config(args);
    boolean mobileGroup = "mobile".equals(ToolBodies.text(args, "groupType"));
    SoftwareUpdates updates = support.jamf().softwareUpdates();
    List<Device> devices = List.of();
    try {
      if (!updates.featureToggle().toggle()) {
        throw new ToolException(SoftwareUpdateStatus.TOGGLE_OFF + " Nothing was done.");
      }
      if (groupId == null) {
        devices = new DeviceTargets(support.jamf()).resolve(identifiers).requireAll();
      }
      checkDevices(devices);
      if (config.versionType() == VersionType.SPECIFIC_VERSION) {
        boolean mobile = groupId == null ? devices.get(0).kind() == Kind.MOBILE : mobileGroup;
        AvailableOsUpdates offered = updates.availableUpdates();
        List<String> list = mobile ? offered.iOS() : offered.macOS();
        if (!list.contains(config.specificVersion())) {
          throw new ToolException(
              (mobile ? "iOS/iPadOS " : "macOS ")
                  + config.specificVersion()
                  + " is not among the versions Jamf Pro lists as available: "
                  + String.join(", ", list)
                  + ". Nothing was done.");
        }
      }
    } catch (JamfException e) {
      throw JamfFailures.onRead(e);
    }
    String groupRef =
        groupId == null ? null : (mobileGroup ? "mobile-group:" : "computer-group:") + groupId;
    boolean installs = config.updateAction() != UpdateAction.DOWNLOAD_ONLY;
    ApprovalClass approval =
        installs || groupId != null ? ApprovalClass.APPROVE : ApprovalClass.CONFIRM;
    String what = describe(config);
    String whom =
        groupId != null
            ? "every member of "
                + (mobileGroup ? "mobile device group " : "computer group ")
                + groupId
            : devices.size() + (devices.size() == 1 ? " device" : " devices");
    Preview preview =
        Preview.of(
            "Create an OS update plan for " + whom + ": " + what,
            (installs
                    ? "The devices download and install the update and restart"
                        + (config.updateAction() == UpdateAction.DOWNLOAD_INSTALL_ALLOW_DEFERRAL
                            ? " (the user may defer " + config.maxDeferrals() + " times)"
                            : "")
                        + (config.forceInstallLocalDateTime() != null
                            ? ", at the latest at "
                                + config.forceInstallLocalDateTime()
                                + " local time"
                            : "")
                        + "; an installed OS version cannot be rolled back."
                    : "The devices only download the update; nothing is installed.")
                + " Devices that are not eligible (not managed, not supervised, version not"
                + " offered for their model) show as failed plans.",
            groupId != null ? List.of(groupRef) : devices.stream().map(Device::describe).toList(),
            installs);
    List<String> bindings =
        groupId != null ? List.of(groupRef) : devices.stream().map(Device::binding).toList();
    GatedWrite write = GatedWrite.of(NAME, approval, args, bindings, preview);
    if (groupId == null) {
      write = write.withApprovalTargets(devices.stream().map(Device::approvalTarget).toList());
    }
    ConfirmationGate.Decision decision = support.gate().check(write, ctx);
    if (decision instanceof ConfirmationGate.Decision.Stop stop) {
      return stop.result();
    }
    List<String> refs =
        groupId != null ? List.of(groupRef) : devices.stream().map(Device::ref).toList();
    List<CreatedPlan> created;
    try {
      if (groupId != null) {
        created =
            updates.createGroupPlan(
                groupId,
                mobileGroup ? GroupType.MOBILE_DEVICE_GROUP : GroupType.COMPUTER_GROUP,
                config);
      } else {
        Map<String, DeviceType> byId = new LinkedHashMap<>();
        devices.forEach(
            d ->
                byId.put(
                    d.id(),
                    d.kind() == Kind.COMPUTER
                        ? DeviceType.COMPUTER
                        : d.model() != null && d.model().startsWith("Apple TV")
                            ? DeviceType.APPLE_TV
                            : DeviceType.MOBILE_DEVICE));
        created = updates.createPlan(byId, config);
      }
    } catch (JamfException e) {
      ToolBodies.audit(support, ctx, NAME, args, refs, "failed", Json.object());
      throw JamfFailures.onWrite(e, null);
    }
    ObjectNode out = Json.object().put("status", "executed");
    ArrayNode plans = out.putArray("plans");
    Map<String, Device> byRef = new LinkedHashMap<>();
    devices.forEach(d -> byRef.put(d.ref(), d));
    for (CreatedPlan p : created) {
      ObjectNode item = plans.addObject().put("planId", p.planId());
      String ref =
          p.device() == null
              ? "unknown"
              : ("COMPUTER".equals(p.device().objectType()) ? "computer:" : "mobile:")
                  + p.device().deviceId();
      Device d = byRef.get(ref);
      item.set("device", d != null ? d.toJson() : Json.object().put("ref", ref));
    }
    ObjectNode response = Json.object().put("plansCreated", created.size());
    ToolBodies.audit(support, ctx, NAME, args, refs, "succeeded", response);
    return ToolResult.structured(
        "Created "
            + created.size()
            + (created.size() == 1 ? " update plan" : " update plans")
            + " ("
            + what
            + ") for "
            + whom
            + ". Jamf Pro checks each device's eligibility; see the outcome with"
            + " getSoftwareUpdateStatus.",
        out);
  }

  /** The plan's settings from the arguments; a ToolException (nothing done) when inconsistent. */
  static PlanConfig config(ObjectNode args) {
    UpdateAction action = UpdateAction.valueOf(ToolBodies.text(args, "updateAction"));
    VersionType versionType = VersionType.valueOf(ToolBodies.text(args, "versionType"));
    String specific = ToolBodies.text(args, "specificVersion");
    Integer deferrals = args.hasNonNull("maxDeferrals") ? args.get("maxDeferrals").asInt() : null;
    String force = ToolBodies.text(args, "forceInstallLocalDateTime");
    if (versionType == VersionType.SPECIFIC_VERSION && specific == null) {
      throw new ToolException("SPECIFIC_VERSION needs specificVersion. Nothing was done.");
    }
    if (versionType != VersionType.SPECIFIC_VERSION && specific != null) {
      throw new ToolException(
          "specificVersion goes only with versionType SPECIFIC_VERSION. Nothing was done.");
    }
    if (action == UpdateAction.DOWNLOAD_INSTALL_ALLOW_DEFERRAL && deferrals == null) {
      throw new ToolException(
          "DOWNLOAD_INSTALL_ALLOW_DEFERRAL needs maxDeferrals. Nothing was done.");
    }
    if (action != UpdateAction.DOWNLOAD_INSTALL_ALLOW_DEFERRAL && deferrals != null) {
      throw new ToolException(
          "maxDeferrals goes only with DOWNLOAD_INSTALL_ALLOW_DEFERRAL. Nothing was done.");
    }
    if (action == UpdateAction.DOWNLOAD_INSTALL_SCHEDULE && force == null) {
      throw new ToolException(
          "DOWNLOAD_INSTALL_SCHEDULE needs forceInstallLocalDateTime. Nothing was done.");
    }
    if (force != null && !force.matches(LOCAL_DATE_TIME)) {
      throw new ToolException(
          "forceInstallLocalDateTime must look like 2026-12-24T18:00:00 (the device's local"
              + " time). Nothing was done.");
    }
    if (action == UpdateAction.DOWNLOAD_ONLY && force != null) {
      throw new ToolException(
          "DOWNLOAD_ONLY installs nothing, so forceInstallLocalDateTime does not apply. Nothing"
              + " was done.");
    }
    return new PlanConfig(action, versionType, specific, deferrals, force);
  }

  private static void checkDevices(List<Device> devices) {
    if (devices.isEmpty()) {
      return;
    }
    long computers = devices.stream().filter(d -> d.kind() == Kind.COMPUTER).count();
    if (computers != 0 && computers != devices.size()) {
      throw new ToolException(
          "Name either computers or mobile devices in one plan (macOS and iOS versions differ)."
              + " Nothing was done.");
    }
    List<String> unmanaged =
        devices.stream().filter(d -> d.managementId() == null).map(Device::describe).toList();
    if (!unmanaged.isEmpty()) {
      throw new ToolException(
          "Not MDM-managed, so Jamf Pro cannot update "
              + String.join("; ", unmanaged)
              + ". Nothing was done.");
    }
  }

  private static String describe(PlanConfig config) {
    String target =
        switch (config.versionType()) {
          case SPECIFIC_VERSION -> "version " + config.specificVersion();
          case LATEST_MINOR -> "the latest minor update of the installed major version";
          case LATEST_MAJOR -> "the latest major version";
          case LATEST_ANY -> "the latest version";
        };
    return config.updateAction().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + target;
  }
}

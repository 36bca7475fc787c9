package dev.jamfmcp.tools.prestages;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.inventory.Inventory;
import dev.jamfmcp.jamf.inventory.InventoryRecords.Prestage;
import dev.jamfmcp.jamf.inventory.PrestageScope;
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
import dev.jamfmcp.tools.support.DeviceTargets.Unresolved;
import dev.jamfmcp.tools.support.JamfFailures;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * assignPrestage: adds devices to, or removes them from, a computer or mobile device PreStage
 * enrollment's scope, a {@code confirm} write (the opposite action undoes it). Jamf keeps a serial
 * in at most one PreStage of its kind, so devices another PreStage holds are named in the preview
 * and left out. The scope is read again after confirmation for its current versionLock; a 409
 * (changed meanwhile) is retried once on a fresh read.
 */
final class AssignPrestage {
  static final String NAME = "assignPrestage";

  /** Apple serial numbers: 8 to 14 letters and digits (10 on recent devices, 11-12 before). */
  private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9]{8,14}");

  private final ToolSupport support;

  AssignPrestage(ToolSupport support) {
    this.support = support;
  }

  Tool tool() {
    ObjectNode input =
        Schemas.object()
            .string("prestage", "The PreStage's Jamf id or exact name", 200)
            .enumeration("deviceType", "computer or mobile PreStages", "computer", "mobile")
            .enumeration("action", "add to or remove from the PreStage", "add", "remove")
            .strings(
                "devices",
                "computer:<id>, mobile:<id>, a name, or a serial number (also of a device"
                    + " not yet enrolled)",
                DeviceTargets.MAX_IDENTIFIERS,
                200)
            .property(ConfirmationGate.TOKEN_ARGUMENT, ConfirmationGate.tokenArgumentSchema())
            .property(ConfirmationGate.APPROVAL_ARGUMENT, ConfirmationGate.approvalArgumentSchema())
            .required("prestage", "deviceType", "action", "devices")
            .build();
    ObjectNode executed =
        Schemas.object()
            .property("prestage", Schemas.typed("object", "id, name, deviceType"))
            .property("changed", Schemas.arrayOf(Schemas.typed("string", "Serial numbers")))
            .property(
                "unchanged", Schemas.arrayOf(Schemas.typed("string", "Why a device was left")))
            .property("deviceCount", Schemas.typed("integer", "Devices in the PreStage now"))
            .buildOpen();
    return Tool.builder(NAME)
        .title("Assign devices to a PreStage enrollment")
        .description(
            "Adds devices to (or removes them from) a computer or mobile device PreStage"
                + " enrollment (Automated Device Enrollment). A device gets the PreStage's"
                + " settings at its next Setup Assistant enrollment; enrolled devices are not"
                + " changed until then. A serial can be in one PreStage only: devices in another"
                + " are named and left out (remove them there first). The first call changes"
                + " nothing and returns a preview to confirm. "
                + ApprovalClass.CONFIRM.sentence())
        .inputSchema(input)
        .outputSchema(ConfirmationGate.outputSchema((ObjectNode) executed.get("properties")))
        .annotations(ToolAnnotations.destructive(true))
        .approvalClass(ApprovalClass.CONFIRM)
        .requiredScopes(JamfScopes.WRITE)
        .handler(this::call)
        .build();
  }

  /** A device as the PreStage sees it: its serial, and the Jamf record when there is one. */
  private record Target(String serial, Device device) {
    String describe() {
      return device == null ? "serial " + serial + " (not in Jamf inventory)" : device.describe();
    }
  }

  private ToolResult call(ObjectNode args, RequestContext ctx) throws Exception {
    boolean mobile = "mobile".equals(ToolBodies.text(args, "deviceType"));
    boolean add = !"remove".equals(ToolBodies.text(args, "action"));
    String wanted = ToolBodies.text(args, "prestage");
    List<String> identifiers = ToolBodies.strings(args, "devices");
    if (wanted == null || identifiers.isEmpty()) {
      throw new ToolException("Give prestage and at least one device. Nothing was done.");
    }
    Inventory inv = support.jamf().inventory();
    Prestage prestage;
    List<Target> targets;
    PrestageScope scope;
    Map<String, String> holders;
    Map<String, String> names = new LinkedHashMap<>();
    try {
      List<Prestage> all = new ArrayList<>();
      (mobile ? inv.mobileDevicePrestages(ListQuery.all()) : inv.computerPrestages(ListQuery.all()))
          .forEach(all::add);
      all.forEach(p -> names.put(p.id(), p.displayName()));
      prestage = find(all, wanted, mobile);
      targets = targets(identifiers, mobile);
      scope = inv.prestageScope(mobile, prestage.id());
      holders = inv.prestageOfEachSerial(mobile);
    } catch (JamfException e) {
      throw JamfFailures.onRead(e);
    }
    String kind = mobile ? "mobile device" : "computer";
    String label = kind + " PreStage '" + prestage.displayName() + "' (id " + prestage.id() + ")";
    Set<String> inScope = upper(scope.serialNumbers());
    List<Target> toChange = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (Target t : targets) {
      String holder = holders.get(t.serial());
      boolean here = inScope.contains(t.serial().toUpperCase(Locale.ROOT));
      if (add && here) {
        unchanged.add(t.describe() + " is already in this PreStage");
      } else if (add && holder != null && !holder.equals(prestage.id())) {
        unchanged.add(
            t.describe()
                + " is in another PreStage, '"
                + names.getOrDefault(holder, "?")
                + "' (id "
                + holder
                + "): Jamf keeps a serial in one PreStage only; remove it there first");
      } else if (!add && !here) {
        unchanged.add(
            t.describe()
                + " is not in this PreStage"
                + (holder == null
                    ? ""
                    : " (it is in '" + names.getOrDefault(holder, "?") + "', id " + holder + ")"));
      } else {
        toChange.add(t);
      }
    }
    if (toChange.isEmpty()) {
      throw new ToolException(
          "Nothing to "
              + (add ? "add to" : "remove from")
              + " the "
              + label
              + ":\n- "
              + String.join("\n- ", unchanged)
              + "\nNothing was done.");
    }
    List<String> shown = new ArrayList<>();
    toChange.forEach(t -> shown.add((add ? "add " : "remove ") + t.describe()));
    Preview preview =
        Preview.of(
            (add ? "Add " : "Remove ")
                + toChange.size()
                + " device(s) "
                + (add ? "to" : "from")
                + " the "
                + label,
            (add
                    ? "These devices get this PreStage's enrollment settings at their next"
                        + " Automated Device Enrollment (Setup Assistant after an erase or on"
                        + " first start); enrolled devices are not changed until then."
                    : "These devices leave the PreStage: at their next Setup Assistant they no"
                        + " longer enroll with its settings (unless assigned to another PreStage);"
                        + " enrolled devices are not changed.")
                + " Undo: the same call with action "
                + (add ? "remove" : "add")
                + "."
                + (unchanged.isEmpty()
                    ? ""
                    : " Left as they are: " + String.join("; ", unchanged) + "."),
            shown,
            false);
    List<String> bound = new ArrayList<>();
    bound.add((mobile ? "mobilePrestage:" : "computerPrestage:") + prestage.id());
    toChange.forEach(t -> bound.add((add ? "add " : "remove ") + t.serial()));
    ConfirmationGate.Decision decision =
        support.gate().check(GatedWrite.of(NAME, ApprovalClass.CONFIRM, args, bound, preview), ctx);
    if (decision instanceof ConfirmationGate.Decision.Stop stop) {
      return stop.result();
    }
    List<String> serials = toChange.stream().map(Target::serial).toList();
    List<String> refs = new ArrayList<>(bound);
    ObjectNode response = Json.object().put("prestageId", prestage.id());
    PrestageScope after;
    try {
      after = apply(inv, mobile, prestage.id(), add, serials);
    } catch (JamfException e) {
      boolean maybe = ToolBodies.outcomeUnknown(e);
      response.put("error", e.getMessage()).put("applied", maybe ? "unknown" : "no");
      ToolBodies.audit(support, ctx, NAME, args, refs, "failed", response);
      throw failure(e, inv, mobile, serials, names, label);
    }
    response.put("versionLock", after.versionLock()).put("deviceCount", after.assignments().size());
    ToolBodies.audit(support, ctx, NAME, args, refs, "succeeded", response);
    ObjectNode out = Json.object().put("status", "executed").put("outcome", "succeeded");
    out.putObject("prestage")
        .put("id", prestage.id())
        .put("name", prestage.displayName())
        .put("deviceType", mobile ? "mobile" : "computer");
    out.put("action", add ? "add" : "remove");
    ArrayNode changed = out.putArray("changed");
    serials.forEach(changed::add);
    ArrayNode left = out.putArray("unchanged");
    unchanged.forEach(left::add);
    out.put("deviceCount", after.assignments().size());
    return ToolResult.structured(
        (add ? "Added " : "Removed ")
            + serials.size()
            + " device(s) "
            + (add ? "to" : "from")
            + " the "
            + label
            + "; it now holds "
            + after.assignments().size()
            + " device(s)."
            + (unchanged.isEmpty() ? "" : " Left as they were: " + String.join("; ", unchanged)),
        out);
  }

  /**
   * Sends the change with the scope's current versionLock, read just now: the one the preview saw
   * may be stale. A 409 means someone changed the scope in between; read again and retry once.
   */
  private static PrestageScope apply(
      Inventory inv, boolean mobile, String prestageId, boolean add, List<String> serials) {
    for (int attempt = 1; ; attempt++) {
      PrestageScope fresh = inv.prestageScope(mobile, prestageId);
      Set<String> present = upper(fresh.serialNumbers());
      List<String> send =
          serials.stream()
              .filter(s -> add != present.contains(s.toUpperCase(Locale.ROOT)))
              .toList();
      if (send.isEmpty()) {
        return fresh; // someone made the same change meanwhile
      }
      int lock = fresh.versionLock() == null ? 0 : fresh.versionLock();
      try {
        return add
            ? inv.addToPrestageScope(mobile, prestageId, send, lock)
            : inv.removeFromPrestageScope(mobile, prestageId, send, lock);
      } catch (JamfException e) {
        if (e.status() != 409 || attempt == 2) {
          throw e;
        }
      }
    }
  }

  private static ToolException failure(
      JamfException e,
      Inventory inv,
      boolean mobile,
      List<String> serials,
      Map<String, String> names,
      String label) {
    if (e.status() == 409) {
      return new ToolException(
          "The "
              + label
              + " was changed by someone else twice while this change was being applied (Jamf"
              + " answered 409, version conflict). Nothing was changed. Call again to see a"
              + " fresh preview.",
          e);
    }
    if (e.status() == 400 && "ALREADY_SCOPED".equals(e.errorCode().orElse(null))) {
      List<String> elsewhere = new ArrayList<>();
      try {
        Map<String, String> holders = inv.prestageOfEachSerial(mobile);
        for (String s : serials) {
          String holder = holders.get(s);
          if (holder != null) {
            elsewhere.add(s + " (in '" + names.getOrDefault(holder, "?") + "', id " + holder + ")");
          }
        }
      } catch (JamfException ignored) {
        // the refusal itself is what matters; the names are a courtesy
      }
      return new ToolException(
          "Jamf Pro refused: a serial number can be in one PreStage only, and "
              + (elsewhere.isEmpty()
                  ? "some of these are now in another PreStage"
                  : String.join(", ", elsewhere) + " now in another PreStage")
              + " (assigned since the preview). Nothing was changed. Remove them from that"
              + " PreStage first, then call again.",
          e);
    }
    return JamfFailures.onWrite(e, null);
  }

  private static Prestage find(List<Prestage> all, String wanted, boolean mobile) {
    for (Prestage p : all) {
      if (p.id().equals(wanted)) {
        return p;
      }
    }
    List<Prestage> named =
        all.stream().filter(p -> wanted.equalsIgnoreCase(p.displayName())).toList();
    if (named.size() == 1) {
      return named.get(0);
    }
    List<String> choices = all.stream().map(p -> p.displayName() + " (id " + p.id() + ")").toList();
    throw new ToolException(
        (named.isEmpty() ? "No " : "Several ")
            + (mobile ? "mobile device" : "computer")
            + " PreStage "
            + (named.isEmpty() ? "has" : "have")
            + " the id or name '"
            + wanted
            + "'. The PreStages: "
            + (choices.isEmpty() ? "none" : String.join("; ", choices))
            + ". Nothing was done.");
  }

  /**
   * The devices named, as serial numbers. What Jamf's inventory does not know but looks like a
   * serial stays a serial: a device bought through Apple Business Manager may be assigned to a
   * PreStage before it ever enrolled.
   */
  private List<Target> targets(List<String> identifiers, boolean mobile) {
    DeviceTargets.Resolution resolution = new DeviceTargets(support.jamf()).resolve(identifiers);
    List<Target> targets = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (Device d : resolution.devices()) {
      if ((d.kind() == Kind.MOBILE) != mobile) {
        problems.add(
            d.describe()
                + " is a "
                + (mobile ? "computer" : "mobile device")
                + "; this is a "
                + (mobile ? "mobile device" : "computer")
                + " PreStage");
      } else if (d.serial() == null || d.serial().isBlank()) {
        problems.add(d.describe() + " has no serial number in Jamf");
      } else if (seen.add(d.serial().toUpperCase(Locale.ROOT))) {
        targets.add(new Target(d.serial(), d));
      }
    }
    for (Unresolved u : resolution.unresolved()) {
      if (u.candidates().isEmpty()
          && SERIAL.matcher(u.identifier()).matches()
          && !u.identifier().chars().allMatch(Character::isDigit)) {
        String serial = u.identifier().toUpperCase(Locale.ROOT);
        if (seen.add(serial)) {
          targets.add(new Target(serial, null));
        }
      } else {
        problems.add(u.describe());
      }
    }
    if (!problems.isEmpty()) {
      throw new ToolException(
          "Cannot assign these devices:\n- "
              + String.join("\n- ", problems)
              + "\nNothing was done. Name each device by computer:<id>, mobile:<id> or its"
              + " serial number.");
    }
    return targets;
  }

  private static Set<String> upper(List<String> serials) {
    Set<String> set = new HashSet<>();
    serials.forEach(s -> set.add(s.toUpperCase(Locale.ROOT)));
    return set;
  }
}

package dev.jamfmcp.tools.groups;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.JamfNotFoundException;
import dev.jamfmcp.jamf.groups.GroupMember;
import dev.jamfmcp.jamf.groups.StaticComputerGroup;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * setStaticGroupMembership: adds and removes computers in a static group. Jamf only offers a
 * replace-all PUT, so the members are read again after confirmation and the change applied to that
 * fresh list, in one request: either all of it happens or none of it.
 */
final class SetStaticGroupMembership {
  static final String NAME = "setStaticGroupMembership";

  private final ToolSupport support;

  SetStaticGroupMembership(ToolSupport support) {
    this.support = support;
  }

  Tool tool() {
    ObjectNode input =
        Schemas.object()
            .property(
                "groupId",
                Ids.object("Jamf id of a static computer group (see listComputerGroups)"))
            .strings(
                "add",
                "Computers to add: computer:<id>, a plain id, a serial number or an"
                    + " exact name",
                DeviceTargets.MAX_IDENTIFIERS,
                200)
            .strings(
                "remove",
                "Computers to remove, named the same ways",
                DeviceTargets.MAX_IDENTIFIERS,
                200)
            .property(ConfirmationGate.TOKEN_ARGUMENT, ConfirmationGate.tokenArgumentSchema())
            .property(ConfirmationGate.APPROVAL_ARGUMENT, ConfirmationGate.approvalArgumentSchema())
            .required("groupId")
            .build();
    ObjectNode executed =
        Schemas.object()
            .property("group", Schemas.typed("object", "id and name"))
            .property("added", Schemas.arrayOf(Schemas.typed("object", "ref, name, serial")))
            .property("removed", Schemas.arrayOf(Schemas.typed("object", "ref, name, serial")))
            .property(
                "unchanged",
                Schemas.arrayOf(Schemas.typed("string", "Why a device was" + " left as it was")))
            .property("memberCount", Schemas.typed("integer", "Members after the change"))
            .property("outcome", Schemas.typed("string", "succeeded"))
            .buildOpen();
    return Tool.builder(NAME)
        .title("Change a static group's members")
        .description(
            "Adds and/or removes computers in one static computer group. Policies and"
                + " configuration profiles scoped to the group follow: added computers get them at"
                + " their next check-in, removed ones lose them (profiles are removed). The first"
                + " call changes nothing and returns a preview to confirm. Smart groups cannot be"
                + " changed this way (their criteria decide). "
                + ApprovalClass.APPROVE.sentence()
                + " Removing members is approve (the removed computers lose the group's profiles);"
                + " only adding is confirm.")
        .inputSchema(input)
        .outputSchema(ConfirmationGate.outputSchema((ObjectNode) executed.get("properties")))
        .annotations(ToolAnnotations.destructive(true))
        .approvalClass(ApprovalClass.APPROVE)
        .requiredScopes(JamfScopes.WRITE)
        .handler(this::call)
        .build();
  }

  private ToolResult call(ObjectNode args, RequestContext ctx) throws Exception {
    int groupId = ToolBodies.classicId(ToolBodies.text(args, "groupId"), "groupId");
    List<String> addIds = ToolBodies.strings(args, "add");
    List<String> removeIds = ToolBodies.strings(args, "remove");
    if (addIds.isEmpty() && removeIds.isEmpty()) {
      throw new ToolException("Name computers in add, remove or both. Nothing was done.");
    }
    StaticComputerGroup group;
    Set<String> current;
    List<Device> add;
    List<Device> remove;
    try {
      group = staticGroup(groupId);
      current = memberIds(groupId);
      DeviceTargets targets = new DeviceTargets(support.jamf());
      add = addIds.isEmpty() ? List.of() : targets.resolve(addIds).requireAll();
      remove = removeIds.isEmpty() ? List.of() : targets.resolve(removeIds).requireAll();
    } catch (JamfException e) {
      throw JamfFailures.onRead(e);
    }
    List<String> problems = new ArrayList<>();
    for (Device d : concat(add, remove)) {
      if (d.kind() != Kind.COMPUTER) {
        problems.add(d.describe() + " is a mobile device; computer groups hold computers only");
      }
    }
    for (Device d : add) {
      if (remove.stream().anyMatch(r -> r.ref().equals(d.ref()))) {
        problems.add(d.describe() + " is in both add and remove");
      }
    }
    if (!problems.isEmpty()) {
      throw new ToolException(
          "Cannot change group "
              + groupId
              + ":\n- "
              + String.join("\n- ", problems)
              + "\nNothing was done.");
    }
    List<Device> toAdd = add.stream().filter(d -> !current.contains(d.id())).toList();
    List<Device> toRemove = remove.stream().filter(d -> current.contains(d.id())).toList();
    List<String> unchanged = new ArrayList<>();
    add.stream()
        .filter(d -> current.contains(d.id()))
        .forEach(d -> unchanged.add(d.describe() + " is already a member"));
    remove.stream()
        .filter(d -> !current.contains(d.id()))
        .forEach(d -> unchanged.add(d.describe() + " is not a member"));
    if (toAdd.isEmpty() && toRemove.isEmpty()) {
      throw new ToolException(
          "Nothing to change in static group '"
              + group.name()
              + "' (id "
              + groupId
              + "): "
              + String.join("; ", unchanged)
              + ". Nothing was done.");
    }
    List<String> targets = new ArrayList<>();
    toAdd.forEach(d -> targets.add("add " + d.describe()));
    toRemove.forEach(d -> targets.add("remove " + d.describe()));
    String summary =
        "Policies and profiles scoped to the group apply to added computers at"
            + " their next check-in; removed computers leave their scope (profiles scoped through"
            + " the group are removed from them). To undo, add the removed computers back and remove the added"
            + " ones."
            + (unchanged.isEmpty()
                ? ""
                : " Left as they are: " + String.join("; ", unchanged) + ".");
    Preview preview =
        Preview.of(
            "Change static group '"
                + group.name()
                + "' (id "
                + groupId
                + "): add "
                + toAdd.size()
                + ", remove "
                + toRemove.size()
                + " computer(s)",
            summary,
            targets,
            false);
    List<String> bound = new ArrayList<>();
    bound.add("group:" + groupId);
    toAdd.forEach(d -> bound.add("add " + d.binding()));
    toRemove.forEach(d -> bound.add("remove " + d.binding()));
    List<dev.jamfmcp.mcp.approval.ApprovalTarget> shown = new ArrayList<>();
    toAdd.forEach(d -> shown.add(renamed(d.approvalTarget(), " (to be added)")));
    toRemove.forEach(d -> shown.add(renamed(d.approvalTarget(), " (to be removed)")));
    ApprovalClass approval = toRemove.isEmpty() ? ApprovalClass.CONFIRM : ApprovalClass.APPROVE;
    ConfirmationGate.Decision decision =
        support
            .gate()
            .check(
                GatedWrite.of(NAME, approval, args, bound, preview).withApprovalTargets(shown),
                ctx);
    if (decision instanceof ConfirmationGate.Decision.Stop stop) {
      return stop.result();
    }
    Set<String> next;
    try {
      next = memberIds(groupId); // fresh: someone may have changed the group meanwhile
    } catch (JamfException e) {
      throw JamfFailures.onWrite(e, null);
    }
    add.forEach(d -> next.add(d.id()));
    remove.forEach(d -> next.remove(d.id()));
    List<String> refs = concat(toAdd, toRemove).stream().map(Device::ref).toList();
    ObjectNode response = Json.object().put("groupId", groupId).put("memberCount", next.size());
    try {
      support.jamf().computerGroups().replaceStaticGroupMembers(group, next);
    } catch (JamfException e) {
      boolean maybe = ToolBodies.outcomeUnknown(e);
      response.put("error", e.getMessage()).put("applied", maybe ? "unknown" : "no");
      ToolBodies.audit(support, ctx, NAME, args, refs, "failed", response);
      if (maybe) {
        throw new ToolException(
            JamfFailures.onWrite(e, null)
                .getMessage()
                .replace(
                    "Nothing was changed.",
                    "The change may or may not have been applied: read the"
                        + " members with getComputerGroupMembers before trying again."));
      }
      throw JamfFailures.onWrite(e, null);
    }
    ToolBodies.audit(support, ctx, NAME, args, refs, "succeeded", response);
    ObjectNode out =
        Json.object()
            .put("status", "executed")
            .put("outcome", "succeeded")
            .put("memberCount", next.size());
    out.putObject("group").put("id", Integer.toString(groupId)).put("name", group.name());
    ArrayNode added = out.putArray("added");
    toAdd.forEach(d -> added.add(d.toJson()));
    ArrayNode removed = out.putArray("removed");
    toRemove.forEach(d -> removed.add(d.toJson()));
    ArrayNode left = out.putArray("unchanged");
    unchanged.forEach(left::add);
    return ToolResult.structured(
        "Static group '"
            + group.name()
            + "' (id "
            + groupId
            + "): added "
            + toAdd.size()
            + ", removed "
            + toRemove.size()
            + "; it now has "
            + next.size()
            + " members. Scoped policies and profiles follow at each computer's next check-in.",
        out);
  }

  private StaticComputerGroup staticGroup(int groupId) {
    try {
      return support.jamf().computerGroups().staticGroup(Integer.toString(groupId));
    } catch (JamfNotFoundException e) {
      throw new ToolException(
          "No static computer group has id "
              + groupId
              + " (smart groups"
              + " cannot be changed by hand; listComputerGroups with type static lists the static"
              + " ones). Nothing was done.");
    }
  }

  private Set<String> memberIds(int groupId) {
    Set<String> ids = new LinkedHashSet<>();
    for (GroupMember m : support.jamf().computerGroups().staticGroupMembers(groupId)) {
      ids.add(Integer.toString(m.id()));
    }
    return ids;
  }

  private static List<Device> concat(List<Device> a, List<Device> b) {
    List<Device> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static dev.jamfmcp.mcp.approval.ApprovalTarget renamed(
      dev.jamfmcp.mcp.approval.ApprovalTarget t, String suffix) {
    return new dev.jamfmcp.mcp.approval.ApprovalTarget(
        t.kind(), t.jamfId(), t.managementId(), t.name() + suffix, t.serial(), t.model(), t.user());
  }
}

package dev.jamfmcp.tools.groups;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.JamfNotFoundException;
import dev.jamfmcp.jamf.groups.SmartCriterion;
import dev.jamfmcp.jamf.groups.SmartGroupSpec;
import dev.jamfmcp.jamf.groups.SmartGroups;
import dev.jamfmcp.jamf.groups.SmartGroups.Platform;
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
import dev.jamfmcp.tools.support.Ids;
import dev.jamfmcp.tools.support.JamfFailures;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * updateSmartGroup: changes a smart group's criteria, site, name or description. New criteria or a
 * new site change the group's members, and with them the scope of every policy, profile and app
 * that targets or excludes the group: {@code approve}. A rename or new description alone changes no
 * member: {@code confirm}. Jamf's PUT replaces the whole definition, so the current one is read
 * again after approval and only the asked-for parts are changed in it.
 */
final class UpdateSmartGroup {
  static final String NAME = "updateSmartGroup";

  private final ToolSupport support;

  UpdateSmartGroup(ToolSupport support) {
    this.support = support;
  }

  Tool tool() {
    ObjectNode input =
        Schemas.object()
            .enumeration("platform", "computer (default) or mobile", "computer", "mobile")
            .property("groupId", Ids.object("Jamf id of the smart group"))
            .property(
                "criteria",
                SmartGroupCriteriaInput.schema(
                    "New criteria, replacing all current ones (see getSmartGroupCriteria)"))
            .property("siteId", Ids.site("New Jamf site id (-1: none)"))
            .string("name", "New name", 255)
            .string("description", "New description", 1000)
            .property(ConfirmationGate.TOKEN_ARGUMENT, ConfirmationGate.tokenArgumentSchema())
            .property(ConfirmationGate.APPROVAL_ARGUMENT, ConfirmationGate.approvalArgumentSchema())
            .required("groupId")
            .build();
    ObjectNode executed =
        Schemas.object()
            .property("group", Schemas.typed("object", "id, name, platform"))
            .property("criteria", Schemas.typed("string", "The criteria now"))
            .property("memberCountBefore", Schemas.typed("integer", "Members before the change"))
            .property("memberCountAfter", Schemas.typed("integer", "Members Jamf computed on save"))
            .buildOpen();
    return Tool.builder(NAME)
        .title("Change a smart group")
        .description(
            "Changes a smart computer or mobile device group: new criteria (replacing all), site,"
                + " name or description. New criteria or site change its members, and so the"
                + " scope of every policy, profile and app targeting or excluding it: devices"
                + " that leave lose what it gave them. The preview shows the criteria before and"
                + " after and the member count now; Jamf computes the new count on save. "
                + ApprovalClass.APPROVE.sentence()
                + " A rename or description alone is confirm.")
        .inputSchema(input)
        .outputSchema(ConfirmationGate.outputSchema((ObjectNode) executed.get("properties")))
        .annotations(ToolAnnotations.destructive(true))
        .approvalClass(ApprovalClass.APPROVE)
        .requiredScopes(JamfScopes.WRITE)
        .handler(this::call)
        .build();
  }

  private ToolResult call(ObjectNode args, RequestContext ctx) throws Exception {
    Platform platform = SmartGroupCriteriaInput.platform(args);
    String groupId =
        Integer.toString(ToolBodies.classicId(ToolBodies.text(args, "groupId"), "groupId"));
    List<SmartCriterion> newCriteria =
        args.has("criteria") ? SmartGroupCriteriaInput.parse(args.path("criteria")) : null;
    String newSite = ToolBodies.text(args, "siteId");
    String newName = ToolBodies.text(args, "name");
    String newDescription = ToolBodies.text(args, "description");
    if (newCriteria == null && newSite == null && newName == null && newDescription == null) {
      throw new ToolException(
          "Give criteria, siteId, name or description to change. Nothing was done.");
    }
    String noun = SmartGroupCriteriaInput.noun(platform);
    SmartGroups groups = support.jamf().smartGroups();
    SmartGroupSpec current;
    long countBefore;
    try {
      current = current(groups, platform, groupId, noun);
      if (newName != null && !newName.equalsIgnoreCase(current.name())) {
        Optional<SmartGroups.Existing> clash = groups.named(platform, newName);
        if (clash.isPresent() && !clash.get().id().equals(groupId)) {
          throw new ToolException(CreateSmartGroup.nameInUse(platform, newName, clash.get()));
        }
      }
      countBefore = groups.memberCount(platform, groupId);
    } catch (JamfException e) {
      throw JamfFailures.onRead(e);
    }
    SmartGroupSpec wanted = apply(current, newCriteria, newSite, newName, newDescription);
    String before = SmartGroupCriteriaInput.text(current.criteria());
    String after = SmartGroupCriteriaInput.text(wanted.criteria());
    boolean membersMayChange =
        !before.equals(after) || !Objects.equals(site(current.siteId()), site(wanted.siteId()));
    List<String> changes = new ArrayList<>();
    if (!before.equals(after)) {
      changes.add("criteria from [" + before + "] to [" + after + "]");
    }
    if (!Objects.equals(site(current.siteId()), site(wanted.siteId()))) {
      changes.add("site from " + site(current.siteId()) + " to " + site(wanted.siteId()));
    }
    if (!Objects.equals(current.name(), wanted.name())) {
      changes.add("name from '" + current.name() + "' to '" + wanted.name() + "'");
    }
    if (!Objects.equals(nullToEmpty(current.description()), nullToEmpty(wanted.description()))) {
      changes.add("description to '" + wanted.description() + "'");
    }
    String label = noun + " '" + current.name() + "' (id " + groupId + ")";
    if (changes.isEmpty()) {
      throw new ToolException(
          "The " + label + " already is as asked; nothing to change. Nothing was done.");
    }
    String summary =
        "Change "
            + String.join("; ", changes)
            + ". It has "
            + countBefore
            + " members now. "
            + (membersMayChange
                ? "Jamf computes the new membership when the change is saved (the result gives"
                    + " the count); every policy, configuration profile and app scoped to or"
                    + " excluding this group follows it: devices that leave lose what it gave"
                    + " them (profiles are removed), devices that enter get it. Undo: call again"
                    + " with the old criteria shown here."
                : "Members and scope do not change.");
    Preview preview =
        Preview.of(
            "Change " + label, summary, List.of(label + ", " + countBefore + " members"), false);
    ApprovalClass approval = membersMayChange ? ApprovalClass.APPROVE : ApprovalClass.CONFIRM;
    List<String> bound =
        List.of(
            platform.name() + " group:" + groupId,
            "now " + current.name() + " | " + site(current.siteId()) + " | " + before,
            "after " + wanted.name() + " | " + site(wanted.siteId()) + " | " + after);
    ConfirmationGate.Decision decision =
        support.gate().check(GatedWrite.of(NAME, approval, args, bound, preview), ctx);
    if (decision instanceof ConfirmationGate.Decision.Stop stop) {
      return stop.result();
    }
    List<String> refs =
        List.of(platform.name().toLowerCase(java.util.Locale.ROOT) + "Group:" + groupId);
    try {
      // fresh: the binding above guarantees the definition is still the one previewed
      SmartGroupSpec fresh = groups.get(platform, groupId);
      groups.update(platform, groupId, apply(fresh, newCriteria, newSite, newName, newDescription));
    } catch (JamfException e) {
      ToolBodies.audit(
          support, ctx, NAME, args, refs, "failed", Json.object().put("error", e.getMessage()));
      throw JamfFailures.onWrite(e, null);
    }
    ToolBodies.audit(
        support,
        ctx,
        NAME,
        args,
        refs,
        "succeeded",
        Json.object().put("memberCountBefore", countBefore));
    Long countAfter;
    try {
      countAfter = groups.memberCount(platform, groupId);
    } catch (JamfException e) {
      countAfter = null; // saved; only the new count could not be read
    }
    ObjectNode out =
        Json.object()
            .put("status", "executed")
            .put("criteria", after)
            .put("memberCountBefore", countBefore);
    if (countAfter != null) {
      out.put("memberCountAfter", countAfter);
    }
    out.putObject("group")
        .put("id", groupId)
        .put("name", wanted.name())
        .put("platform", platform == Platform.COMPUTER ? "computer" : "mobile");
    return ToolResult.structured(
        "Changed "
            + noun
            + " '"
            + wanted.name()
            + "' (id "
            + groupId
            + "): "
            + String.join("; ", changes)
            + ". Members: "
            + countBefore
            + " before, "
            + (countAfter == null ? "not readable yet" : countAfter + " now")
            + ".",
        out);
  }

  private static SmartGroupSpec current(
      SmartGroups groups, Platform platform, String groupId, String noun) {
    try {
      return groups.get(platform, groupId);
    } catch (JamfNotFoundException e) {
      throw new ToolException(
          "No "
              + noun
              + " has id "
              + groupId
              + " ("
              + SmartGroupCriteriaInput.lister(platform)
              + "). Nothing was done.");
    }
  }

  private static SmartGroupSpec apply(
      SmartGroupSpec spec,
      List<SmartCriterion> criteria,
      String siteId,
      String name,
      String description) {
    return new SmartGroupSpec(
        name == null ? spec.name() : name,
        description == null ? spec.description() : description,
        siteId == null ? spec.siteId() : siteId,
        criteria == null ? spec.criteria() : criteria);
  }

  private static String site(String siteId) {
    return siteId == null || siteId.isBlank() || siteId.equals("-1") ? "none" : siteId;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

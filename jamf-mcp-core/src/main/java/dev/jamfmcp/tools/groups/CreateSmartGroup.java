package dev.jamfmcp.tools.groups;

import dev.jamfmcp.jamf.JamfException;
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
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * createSmartGroup: a new smart computer or mobile device group, a {@code confirm} write (nothing
 * targets a new group until someone scopes to it; deleting it in Jamf undoes it). The name is
 * checked against every group of the platform first, since Jamf keeps smart and static names unique
 * together.
 */
final class CreateSmartGroup {
  static final String NAME = "createSmartGroup";

  private final ToolSupport support;

  CreateSmartGroup(ToolSupport support) {
    this.support = support;
  }

  Tool tool() {
    ObjectNode input =
        Schemas.object()
            .enumeration("platform", "computer (default) or mobile", "computer", "mobile")
            .string("name", "Name of the new group (unique among the platform's groups)", 255)
            .string("description", "Description", 1000)
            .property("siteId", Ids.site("Jamf site id; omit for none"))
            .property(
                "criteria",
                SmartGroupCriteriaInput.schema(
                    "Criteria in order; and binds tighter than or, parentheses group"))
            .property(ConfirmationGate.TOKEN_ARGUMENT, ConfirmationGate.tokenArgumentSchema())
            .property(ConfirmationGate.APPROVAL_ARGUMENT, ConfirmationGate.approvalArgumentSchema())
            .required("name", "criteria")
            .build();
    ObjectNode executed =
        Schemas.object()
            .property("group", Schemas.typed("object", "id, name, platform"))
            .property("criteria", Schemas.typed("string", "The criteria saved"))
            .property("memberCount", Schemas.typed("integer", "Members Jamf computed on save"))
            .buildOpen();
    return Tool.builder(NAME)
        .title("Create a smart group")
        .description(
            "Creates a smart computer or mobile device group from criteria (e.g. Operating System"
                + " Version less than 15, Model like MacBook); Jamf computes its members on save."
                + " Nothing targets it until a policy or profile is scoped to it. The first call"
                + " returns a preview to confirm. "
                + ApprovalClass.CONFIRM.sentence())
        .inputSchema(input)
        .outputSchema(ConfirmationGate.outputSchema((ObjectNode) executed.get("properties")))
        .annotations(ToolAnnotations.additive(false))
        .approvalClass(ApprovalClass.CONFIRM)
        .requiredScopes(JamfScopes.WRITE)
        .handler(this::call)
        .build();
  }

  private ToolResult call(ObjectNode args, RequestContext ctx) throws Exception {
    Platform platform = SmartGroupCriteriaInput.platform(args);
    String name = ToolBodies.text(args, "name");
    if (name == null) {
      throw new ToolException("name must not be blank. Nothing was done.");
    }
    String description = ToolBodies.text(args, "description");
    String siteId = ToolBodies.text(args, "siteId");
    List<SmartCriterion> criteria = SmartGroupCriteriaInput.parse(args.path("criteria"));
    String noun = SmartGroupCriteriaInput.noun(platform);
    SmartGroups groups = support.jamf().smartGroups();
    try {
      Optional<SmartGroups.Existing> clash = groups.named(platform, name);
      if (clash.isPresent()) {
        throw new ToolException(nameInUse(platform, name, clash.get()));
      }
    } catch (JamfException e) {
      throw JamfFailures.onRead(e);
    }
    String criteriaText = SmartGroupCriteriaInput.text(criteria);
    String label = noun + " '" + name + "'";
    Preview preview =
        Preview.of(
            "Create " + label,
            "Criteria: "
                + criteriaText
                + (siteId == null ? "" : "; site " + siteId)
                + ". Jamf computes the members when the group is saved; the result gives the"
                + " count. No policy, profile or app targets the group until one is scoped to it."
                + " Undo: delete the group in Jamf Pro.",
            List.of(label),
            false);
    List<String> bound =
        List.of(
            "create " + platform.name().toLowerCase(java.util.Locale.ROOT) + " " + name,
            criteriaText,
            "site " + siteId);
    ConfirmationGate.Decision decision =
        support.gate().check(GatedWrite.of(NAME, ApprovalClass.CONFIRM, args, bound, preview), ctx);
    if (decision instanceof ConfirmationGate.Decision.Stop stop) {
      return stop.result();
    }
    String id;
    try {
      id = groups.create(platform, new SmartGroupSpec(name, description, siteId, criteria));
    } catch (JamfException e) {
      ToolBodies.audit(
          support,
          ctx,
          NAME,
          args,
          List.of(label),
          "failed",
          Json.object().put("error", e.getMessage()));
      throw JamfFailures.onWrite(e, null);
    }
    List<String> refs = List.of(platform.name().toLowerCase(java.util.Locale.ROOT) + "Group:" + id);
    ToolBodies.audit(support, ctx, NAME, args, refs, "succeeded", Json.object().put("id", id));
    Long count;
    try {
      count = groups.memberCount(platform, id);
    } catch (JamfException e) {
      count = null; // the group exists; only the count could not be read
    }
    ObjectNode out = Json.object().put("status", "executed").put("criteria", criteriaText);
    out.putObject("group")
        .put("id", id)
        .put("name", name)
        .put("platform", platform == Platform.COMPUTER ? "computer" : "mobile");
    if (count != null) {
      out.put("memberCount", count);
    }
    return ToolResult.structured(
        "Created "
            + label
            + " (id "
            + id
            + ")"
            + (count == null
                ? "; its member count could not be read yet."
                : " with " + count + " members."),
        out);
  }

  static String nameInUse(Platform platform, String name, SmartGroups.Existing existing) {
    return "A "
        + (existing.smart() ? "smart" : "static")
        + (platform == Platform.COMPUTER ? " computer" : " mobile device")
        + " group named '"
        + name
        + "' already exists (id "
        + existing.id()
        + "); group names are unique among the platform's smart and static groups. Choose"
        + " another name"
        + (existing.smart() ? ", or change that group with updateSmartGroup" : "")
        + ". Nothing was done.";
  }
}

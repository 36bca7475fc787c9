package dev.jamfmcp.tools.policies;

import dev.jamfmcp.jamf.ClassicRef;
import dev.jamfmcp.jamf.policies.Policy;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.Toolset;
import dev.jamfmcp.tools.support.Catalog;
import dev.jamfmcp.tools.support.Ids;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** listPolicies, getPolicyDetails and executePolicy. */
public final class PolicyTools {
  private PolicyTools() {}

  public static void register(Catalog catalog, ToolSupport support) {
    catalog.tool(Toolset.POLICIES, listPolicies(support));
    catalog.tool(Toolset.POLICIES, getPolicyDetails(support));
    catalog.tool(Toolset.POLICIES, new ExecutePolicy(support).tool());
    catalog.tool(Toolset.POLICIES, new SetPolicyEnabled(support).tool());
  }

  static Tool listPolicies(ToolSupport support) {
    ObjectNode policy =
        Schemas.object()
            .property("id", Schemas.typed("string", "Jamf policy id"))
            .property("name", Schemas.typed("string", "Policy name"))
            .property("url", Schemas.typed("string", "The policy in the Jamf Pro web interface"))
            .required("id", "name")
            .buildOpen();
    return Tool.builder("listPolicies")
        .title("List policies")
        .description(
            "Lists Jamf Pro policies (id and name), optionally only those whose name"
                + " contains `query` and/or those in one `category` (exact category name). Use"
                + " getPolicyDetails for a policy's trigger, frequency and scope.")
        .inputSchema(
            Schemas.object()
                .string("query", "Case-insensitive text the policy name must contain", 200)
                .string("category", "Exact name of a category, e.g. 'Security'", 200)
                .integer("limit", "Most policies to return", 1, 1000, 200)
                .build())
        .outputSchema(Schemas.object().limitedList("policies", "Policies", policy).buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            ToolBodies.read(
                (args, ctx) -> {
                  String query = ToolBodies.text(args, "query");
                  String category = ToolBodies.text(args, "category");
                  int limit = ToolBodies.integer(args, "limit", 200);
                  List<ClassicRef> all =
                      category == null
                          ? support.jamf().policies().list()
                          : support.jamf().policies().listByCategory(category);
                  String folded = query == null ? null : query.toLowerCase(Locale.ROOT);
                  List<ClassicRef> matching =
                      all.stream()
                          .filter(
                              p ->
                                  folded == null
                                      || (p.name() != null
                                          && p.name().toLowerCase(Locale.ROOT).contains(folded)))
                          .toList();
                  ObjectNode out = Json.object().put("total", matching.size());
                  ArrayNode items = out.putArray("policies");
                  matching.stream()
                      .limit(limit)
                      .forEach(
                          p ->
                              items
                                  .addObject()
                                  .put("id", String.valueOf(p.id()))
                                  .put("name", p.name())
                                  .put("url", support.links().policy(p.id())));
                  out.put("returned", items.size());
                  String summary =
                      matching.size()
                          + " policies"
                          + (category == null ? "" : " in category '" + category + "'")
                          + (query == null ? "" : " matching '" + query + "'")
                          + (items.size() < matching.size()
                              ? "; showing the first " + items.size()
                              : "")
                          + ".";
                  return ToolResult.structured(summary, out);
                }))
        .build();
  }

  static Tool getPolicyDetails(ToolSupport support) {
    return Tool.builder("getPolicyDetails")
        .title("Get policy details")
        .description(
            "One policy's triggers, frequency, category, packages (install/cache), scripts"
                + " (priority, parameters 4-11), Self Service, scope (targets and exclusions)"
                + " and a plain statement of when it actually runs. Give"
                + " exactly one of policyId or policyName (exact name; if several policies share it,"
                + " the candidates are listed).")
        .inputSchema(policyChoice().build())
        .outputSchema(
            Schemas.object()
                .property("id", Schemas.typed("string", "Jamf policy id"))
                .property("name", Schemas.typed("string", "Policy name"))
                .property("enabled", Schemas.typed("boolean", "Whether the policy can run at all"))
                .property("frequency", Schemas.nullableString("e.g. Once per computer, Ongoing"))
                .property("howItRuns", Schemas.typed("string", "When the policy really runs"))
                .property("scope", Schemas.typed("object", "Targets and exclusions"))
                .property("packages", Schemas.typed("array", "{id,name,action}"))
                .property("scripts", Schemas.typed("array", "{id,name,priority,parameters}"))
                .required("id", "name", "enabled", "howItRuns", "scope")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            ToolBodies.read(
                (args, ctx) -> {
                  int id = PolicyLookup.resolve(support.jamf(), args);
                  Policy policy = support.jamf().policies().get(id);
                  ObjectNode out = PolicyJson.details(policy, support.links().policy(id));
                  return ToolResult.structured(
                      "Policy '"
                          + policy.general().name()
                          + "' (id "
                          + id
                          + "). "
                          + PolicyJson.howItRuns(policy),
                      out);
                }))
        .build();
  }

  /** policyId and policyName, of which a call gives exactly one. */
  static Schemas policyChoice() {
    return Schemas.object()
        .property("policyId", Ids.object("Jamf policy id, e.g. \"12\". Give this or policyName."))
        .string("policyName", "Exact policy name (case-insensitive). Give this or policyId.", 200);
  }
}

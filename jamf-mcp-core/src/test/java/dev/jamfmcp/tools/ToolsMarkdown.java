package dev.jamfmcp.tools;

import dev.jamfmcp.mcp.audit.Secrets;
import dev.jamfmcp.mcp.prompt.Prompt;
import dev.jamfmcp.mcp.prompt.PromptArgument;
import dev.jamfmcp.mcp.resource.Resource;
import dev.jamfmcp.mcp.resource.ResourceTemplate;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Renders docs/TOOLS.md from the registry: every tool, its arguments, scope, hints and toolset. */
final class ToolsMarkdown {
  private ToolsMarkdown() {}

  record Entry(Toolset toolset, Tool tool) {}

  /** What tools/list costs: bytes per toolset, of the default toolsets, of all, and per tool. */
  record Budget(
      Map<Toolset, Integer> perToolset,
      int defaults,
      int all,
      int limit,
      Map<String, Integer> perTool) {}

  static String render(
      Budget budget,
      List<Entry> entries,
      List<Resource> resources,
      List<ResourceTemplate> templates,
      List<Prompt> prompts) {
    StringBuilder md = new StringBuilder();
    md.append("# Tools\n\n")
        .append(
            "<!-- Generated from the JamfTools registry by ToolsDocTest; do not edit by hand.\n")
        .append("     Regenerate: mvn -B -q -pl jamf-mcp-core -am test -Dtest=ToolsDocTest")
        .append(" -Dsurefire.failIfNoSpecifiedTests=false -Dtools.md.update=true -->\n\n")
        .append(
            "Every tool the server can offer, by toolset. Operators choose toolsets; read-only mode")
        .append(
            " removes every tool whose `readOnlyHint` is false. Scopes are OAuth scopes the caller's")
        .append(" token must carry. The Jamf Pro API role privileges each tool and toolset need:")
        .append(" [JAMF-PRIVILEGES.md](JAMF-PRIVILEGES.md).\n\n")
        .append("Approval class (write tools): `none` runs at once (harmless, e.g. a blank push);")
        .append(" `confirm` (reversible) needs the user's confirmation of a preview; `approve`")
        .append(" (destructive or hard to undo) needs a person's approval, today through the same")
        .append(" confirmation. A write tool's class is the highest any of its calls needs; the")
        .append(" description says which calls need less. Confirmations are bound to the resolved")
        .append(" devices (Jamf and management ids). Arguments marked **secret** (`writeOnly` and")
        .append(" `x-secret` in the input schema) are never shown back and read `\"set\"` in audit")
        .append(" lines.\n\n");
    ids(md);
    budget(md, budget);
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(
        Comparator.comparing((Entry e) -> e.toolset().ordinal())
            .thenComparing(e -> e.tool().name()));
    md.append(
            "| tool | toolset | scope | approval | read-only | destructive | idempotent | open"
                + " world | bytes |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    for (Entry e : sorted) {
      ToolAnnotations a = e.tool().annotations();
      md.append("| [`")
          .append(e.tool().name())
          .append("`](#")
          .append(e.tool().name().toLowerCase())
          .append(") | ")
          .append(e.toolset())
          .append(" | ")
          .append(scopes(e.tool()))
          .append(" | ")
          .append(approval(e.tool()))
          .append(" | ")
          .append(a.readOnlyHint())
          .append(" | ")
          .append(a.destructiveHint())
          .append(" | ")
          .append(a.idempotentHint())
          .append(" | ")
          .append(a.openWorldHint())
          .append(" | ")
          .append(budget.perTool().get(e.tool().name()))
          .append(" |\n");
    }
    Toolset current = null;
    for (Entry e : sorted) {
      if (e.toolset() != current) {
        current = e.toolset();
        md.append("\n## Toolset ").append(current).append("\n");
      }
      Tool t = e.tool();
      ToolAnnotations a = t.annotations();
      md.append("\n### ")
          .append(t.name())
          .append("\n\n")
          .append("**")
          .append(t.title() == null ? t.name() : t.title())
          .append("**: ")
          .append(t.description().replace("\n", " "))
          .append("\n\n")
          .append("Scope: ")
          .append(scopes(t))
          .append(t.approvalClass() == null ? "" : ". Approval class: " + approval(t))
          .append(". Hints: readOnly ")
          .append(a.readOnlyHint())
          .append(", destructive ")
          .append(a.destructiveHint())
          .append(", idempotent ")
          .append(a.idempotentHint())
          .append(", openWorld ")
          .append(a.openWorldHint())
          .append(".\n\n")
          .append("Jamf API role privileges ([all](JAMF-PRIVILEGES.md)): ")
          .append(PrivilegesMarkdown.ofTool(t.name()))
          .append(".\n\n");
      JsonNode props = t.inputSchema().path("properties");
      if (props.isEmpty()) {
        md.append("Arguments: none.\n");
        continue;
      }
      List<String> required = new ArrayList<>();
      t.inputSchema().path("required").forEach(r -> required.add(r.asString()));
      md.append("| argument | type | required | default | limits | description |\n")
          .append("|---|---|---|---|---|---|\n");
      for (Map.Entry<String, JsonNode> p : props.properties()) {
        JsonNode s = p.getValue();
        md.append("| `")
            .append(p.getKey())
            .append("` | ")
            .append(type(s))
            .append(" | ")
            .append(required.contains(p.getKey()) ? "yes" : "no")
            .append(" | ")
            .append(s.has("default") ? "`" + s.get("default") + "`" : "")
            .append(" | ")
            .append(limits(s))
            .append(" | ")
            .append(Secrets.isSecret(s) ? "**secret**: " : "")
            .append(cell(s.path("description").asString("")))
            .append(nestedSecrets(s))
            .append(" |\n");
      }
    }
    md.append("\n## Resources\n\n| URI | name | description | scope |\n|---|---|---|---|\n");
    for (Resource r : resources) {
      md.append("| `")
          .append(r.uri())
          .append("` | ")
          .append(r.name())
          .append(" | ")
          .append(cell(r.description()))
          .append(" | ")
          .append(String.join(", ", r.requiredScopes()))
          .append(" |\n");
    }
    for (ResourceTemplate r : templates) {
      md.append("| `")
          .append(r.uriTemplate())
          .append("` (template) | ")
          .append(r.name())
          .append(" | ")
          .append(cell(r.description()))
          .append(" | ")
          .append(String.join(", ", r.requiredScopes()))
          .append(" |\n");
    }
    md.append("\n## Prompts\n\n| prompt | description | arguments |\n|---|---|---|\n");
    for (Prompt p : prompts) {
      List<String> args = new ArrayList<>();
      for (PromptArgument a : p.arguments()) {
        args.add(
            "`" + a.name() + "`" + (a.required() ? " (required)" : "") + ": " + a.description());
      }
      md.append("| ")
          .append(p.name())
          .append(" | ")
          .append(cell(p.description()))
          .append(" | ")
          .append(cell(String.join("; ", args)))
          .append(" |\n");
    }
    return md.toString();
  }

  /** For an object argument: which of its properties are secrets. */
  private static String nestedSecrets(JsonNode s) {
    List<String> names = new ArrayList<>();
    s.path("properties")
        .properties()
        .forEach(
            p -> {
              if (Secrets.isSecret(p.getValue())) {
                names.add("`" + p.getKey() + "`");
              }
            });
    return names.isEmpty() ? "" : " (**secret**: " + String.join(", ", names) + ")";
  }

  private static String approval(Tool t) {
    return t.approvalClass() == null ? "" : "`" + t.approvalClass().label() + "`";
  }

  /** How ids are taken and printed (issue #16); IdSchemaRuleTest holds every tool to it. */
  private static void ids(StringBuilder md) {
    md.append("Ids are strings everywhere, never JSON numbers. A Jamf object (policy, group,")
        .append(" profile, script, patch title) is named by its id as digits, e.g. `\"12\"`. A")
        .append(" device argument takes `computer:<id>` or `mobile:<id>`, a plain id (of the")
        .append(
            " tool's platform; a computer where a tool takes both), a serial number or an exact")
        .append(" name; a Mac tool given `mobile:<id>` (or the reverse) names the right tool. In")
        .append(" results, `id` is Jamf's id as a string (`\"42\"`) and `ref` is the")
        .append(" platform-qualified form (`computer:42`, `mobile:7`) that every device argument")
        .append(" accepts; results that mix Macs and mobile devices always carry `ref` (ChatGPT's")
        .append(" search and fetch keep that connector's own ids, such as `policy:12`). Tools take")
        .append(" id arguments from `support.Ids`, and `IdSchemaRuleTest` fails on any id-like")
        .append(
            " argument (`...Id`, `...Ids`, `...Identifier(s)`) made otherwise or any non-string")
        .append(" id in a result.\n\n");
  }

  private static void budget(StringBuilder md, Budget budget) {
    md.append("## Context budget\n\n")
        .append("Every tool a client lists costs the model context before the first question, so")
        .append(" the default toolsets must fit in ")
        .append(budget.limit())
        .append(" bytes of `tools/list` (the JSON `result` a 2025-11-25 client receives, with")
        .append(" titles, output schemas and annotations; `ContextBudgetTest` fails above it).")
        .append(" Default toolsets: ")
        .append(
            Toolset.defaults().stream()
                .map(Toolset::name)
                .collect(java.util.stream.Collectors.joining(", ")))
        .append(" (")
        .append(budget.defaults())
        .append(" bytes); all toolsets: ")
        .append(budget.all())
        .append(" bytes.\n\n")
        .append("| toolset | default | bytes of tools/list |\n|---|---|---|\n");
    budget
        .perToolset()
        .forEach(
            (toolset, bytes) ->
                md.append("| ")
                    .append(toolset)
                    .append(" | ")
                    .append(Toolset.defaults().contains(toolset) ? "yes" : "")
                    .append(" | ")
                    .append(bytes)
                    .append(" |\n"));
    md.append("\n").append(DESIGN).append("\n");
  }

  /** Why the budget is kept this way (docs/TOOLS.md). */
  private static final String DESIGN =
      String.join(
          "\n",
          "How the budget is kept, and why:",
          "",
          "- **Lean output schemas.** Every tool's output schema is sent without descriptions and"
              + " without nullable unions (`JamfTools` passes each through `LeanSchemas`): the tool's"
              + " description already says what the result means, so words inside the output"
              + " schema were paid twice (they were 9 of the 47 KB), and a nullable union is"
              + " written as `anyOf` branches of one type each, which accepts the same values and"
              + " which the MCP Inspector's schema check takes without a warning (it warns on a"
              + " type array and on a schema with no keyword). The shape"
              + " (properties, types, required fields, items) stays, so clients still validate"
              + " `structuredContent`, and the server still checks every result against it.",
          "- **A small default set.** The executable offers `Toolset.defaults()` unless the operator"
              + " names toolsets (`MCP_TOOLSETS=default`, the default; `all`; or names): the reads"
              + " admins ask for most (devices, software versions and inventory objects, patch status)"
              + " and no writes. Toolsets with writes (policies, groups, MDM), secrets, and narrower"
              + " reads (profiles, scripts) are switched on by the operator by name or in a session (below), and `--demo` offers all. A new"
              + " toolset is off by default until it is added to `Toolset.defaults()` with this"
              + " test still green.",
          "- **Everything stays reachable within the session.** The executable offers every other"
              + " toolset for switching (`MCP_TOOLSETS_AVAILABLE=all`, the default; names or `none`"
              + " narrow it), so the default list also holds two small tools, counted in the figure"
              + " above: `listToolsets` (each toolset's name, one line, tool count, bytes and"
              + " whether it is on) and `enableToolsets` (`enable`/`disable` lists). A switch changes"
              + " only the calling session's list, and the server sends"
              + " `notifications/tools/list_changed` (`tools.listChanged` is declared true whenever"
              + " switching is on): in 2024-11-05 on the session's SSE stream, in 2025-03-26 to"
              + " 2025-11-25 on the `enableToolsets` call's own response stream before its result"
              + " (related to that request, as Streamable HTTP allows; the session's GET stream if the"
              + " client takes no SSE on the POST), over stdio on stdout. A call of a tool whose"
              + " toolset is off is a tool error the model can act on in one step: it names the"
              + " toolset and the exact `enableToolsets` arguments. A common question is still one"
              + " call once its toolset is on, and the reads asked for most are on from the start."
              + " Read-only mode leaves every write out of every toolset; a toolset none of whose"
              + " tools the caller's scopes allow is neither listed by `listToolsets` nor switchable,"
              + " and scopes are checked on every call as before.",
          "- **Where the choice lives.** Each session's set is kept in the cluster-state SPI"
              + " `EnabledToolsets` (in memory for one instance; `RedisClusterState.enabledToolsets`,"
              + " one string key per session, with `MCP_REDIS_URL`), for the session idle timeout"
              + " after its last use (a read slides it), and dropped when the session is deleted."
              + " Any instance behind a round-robin balancer serves the session: `tools/list` and"
              + " `listToolsets` read the store once; a call of a tool this instance already knows is"
              + " on reads nothing (a local cache of the last set read); only a call of a tool"
              + " outside the cached set reads the store once (another instance may have switched it"
              + " on). So a toolset switched off on another instance stays callable here until this"
              + " instance lists again: switching manages the model's context, it is not"
              + " authorization (scopes and read-only mode are).",
          "- **2026-07-28 (stateless).** There is no session, so the choice is kept per caller"
              + " (the token subject, hashed): enabling MDM in one conversation shows it in that"
              + " caller's other conversations too, until it is switched off or left unused for the"
              + " idle timeout. The alternative, offering every allowed tool to stateless clients,"
              + " would put all toolsets in the first listing of the clients that speak 2026-07-28"
              + " first (ChatGPT among them), which is what the budget is for. The list is then the"
              + " caller's own, so `tools/list` says `cacheScope: private` and `ttlMs: 0`, and a"
              + " switch is told on that caller's `subscriptions/listen` streams on the instance that"
              + " made it.",
          "");

  private static String scopes(Tool t) {
    return t.requiredScopes().isEmpty()
        ? "none"
        : "`" + String.join("`, `", t.requiredScopes().stream().sorted().toList()) + "`";
  }

  private static String type(JsonNode s) {
    JsonNode type = s.path("type");
    String base =
        type.isArray()
            ? String.join(" or ", type.valueStream().map(JsonNode::asString).toList())
            : type.asString("any");
    if ("array".equals(base) && s.path("items").has("type")) {
      base = "array of " + s.path("items").path("type").asString();
    }
    return base;
  }

  private static String limits(JsonNode s) {
    List<String> out = new ArrayList<>();
    add(out, s, "minLength", "length ≥ ");
    add(out, s, "maxLength", "length ≤ ");
    add(out, s, "minimum", "≥ ");
    add(out, s, "maximum", "≤ ");
    add(out, s, "minItems", "items ≥ ");
    add(out, s, "maxItems", "items ≤ ");
    JsonNode values = s.has("enum") ? s.get("enum") : s.path("items").path("enum");
    if (values.isArray()) {
      out.add(
          "one of "
              + String.join(
                  ", ", values.valueStream().map(v -> "`" + v.asString() + "`").toList()));
    }
    JsonNode items = s.path("items");
    add(out, items, "maxLength", "each length ≤ ");
    return cell(String.join("; ", out));
  }

  private static void add(List<String> out, JsonNode s, String key, String label) {
    if (s.has(key)) {
      out.add(label + s.get(key).asString());
    }
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}

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
              + " reads (profiles, scripts) are switched on by name, and `--demo` offers all. A new"
              + " toolset is off by default until it is added to `Toolset.defaults()` with this"
              + " test still green.",
          "- **Everything stays reachable** through the operator's choice: every tool of this file"
              + " is one `MCP_TOOLSETS` entry away, and the table above says what each toolset"
              + " costs. Switching toolsets on within a session (a `tools/list_changed` after an"
              + " `enableToolset` call) needs the engine to keep a tool list per session, and 2025"
              + " sessions here carry no list-change notifications (the GET stream does not carry"
              + " them, so `tools.listChanged` is declared false) while 2026-07-28 requests have no"
              + " session at all; it is not built yet (see issue #16).",
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

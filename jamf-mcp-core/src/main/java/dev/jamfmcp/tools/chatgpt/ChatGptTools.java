package dev.jamfmcp.tools.chatgpt;

import dev.jamfmcp.jamf.ClassicRef;
import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Rsql;
import dev.jamfmcp.jamf.Sort;
import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.computers.ComputerSection;
import dev.jamfmcp.jamf.groups.SmartComputerGroup;
import dev.jamfmcp.jamf.groups.StaticComputerGroup;
import dev.jamfmcp.jamf.mobile.MobileDeviceInventory;
import dev.jamfmcp.jamf.mobile.MobileDeviceSection;
import dev.jamfmcp.jamf.scripts.Script;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Content;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.Toolset;
import dev.jamfmcp.tools.devices.OrgDirectory;
import dev.jamfmcp.tools.support.Catalog;
import dev.jamfmcp.tools.support.JamfFailures;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code search} and {@code fetch} in the exact shapes ChatGPT deep research and company knowledge
 * require: one text content item each, holding {@code {"results":[{id,title,url}]}} or {@code
 * {id,title,text,url,metadata}}; {@code url} is the object's page in Jamf Pro.
 */
public final class ChatGptTools {
  /** Hits per kind of object, so that one busy kind cannot crowd out the others. */
  static final int PER_KIND = 10;

  private ChatGptTools() {}

  public static void register(Catalog catalog, ToolSupport support) {
    Fetcher fetcher = new Fetcher(support, new OrgDirectory(support.jamf(), support.clock()));
    catalog.tool(Toolset.CHATGPT, search(support)).tool(Toolset.CHATGPT, fetch(fetcher));
  }

  static Tool search(ToolSupport support) {
    ObjectNode hit =
        Schemas.object()
            .property("id", Schemas.typed("string", "Pass to fetch, e.g. computer:123, policy:12"))
            .property("title", Schemas.typed("string", "What the object is called"))
            .property("url", Schemas.typed("string", "The object's page in Jamf Pro"))
            .required("id", "title", "url")
            .buildOpen();
    return Tool.builder("search")
        .title("Search Jamf Pro")
        .description(
            "Searches Jamf Pro for computers, mobile devices, policies, configuration"
                + " profiles, scripts and computer groups whose name (or, for devices, serial number or"
                + " user) contains the query. Returns ids such as computer:123, mobile:7, policy:12,"
                + " profile:mac:3, profile:mobile:4, script:5, group:smart:9, group:static:2; pass one to"
                + " fetch for the full record. At most "
                + PER_KIND
                + " hits per kind.")
        .inputSchema(
            Schemas.object()
                .string(
                    "query",
                    "Words to look for, e.g. a computer name, a serial, a policy name",
                    200)
                .required("query")
                .build())
        .outputSchema(
            Schemas.object()
                .property("results", Schemas.arrayOf(hit))
                .required("results")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            (args, ctx) -> {
              try {
                ObjectNode out = Json.object();
                run(support, args.get("query").asString().trim(), out.putArray("results"));
                return single(out);
              } catch (JamfException e) {
                throw JamfFailures.onRead(e);
              }
            })
        .build();
  }

  static Tool fetch(Fetcher fetcher) {
    return Tool.builder("fetch")
        .title("Fetch a Jamf Pro object")
        .description(
            "The full record of one object found by search, as readable text with a link"
                + " to its page in Jamf Pro. The id is one search returned.")
        .inputSchema(
            Schemas.object()
                .string("id", "An id from search, e.g. computer:123", 100)
                .required("id")
                .build())
        .outputSchema(
            Schemas.object()
                .property("id", Schemas.typed("string", "The id asked for"))
                .property("title", Schemas.typed("string", "What the object is called"))
                .property("text", Schemas.typed("string", "The record as readable text"))
                .property("url", Schemas.typed("string", "The object's page in Jamf Pro"))
                .property("metadata", Schemas.typed("object", "Kind, Jamf id and a few key facts"))
                .required("id", "title", "text", "url", "metadata")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            (args, ctx) -> {
              try {
                return single(fetcher.fetch(args.get("id").asString().trim()));
              } catch (JamfException e) {
                throw JamfFailures.onRead(e);
              }
            })
        .build();
  }

  /** Exactly one text item whose text is the JSON object, as ChatGPT expects. */
  static ToolResult single(ObjectNode data) {
    return new ToolResult.Complete(
        List.of(Content.text(Json.mapper().writeValueAsString(data))), data, false);
  }

  private static void run(ToolSupport support, String query, ArrayNode results) {
    var jamf = support.jamf();
    var links = support.links();
    Rsql computerFilter =
        Rsql.contains("general.name", query)
            .or(
                Rsql.contains("hardware.serialNumber", query),
                Rsql.contains("userAndLocation.username", query),
                Rsql.contains("userAndLocation.realname", query));
    for (Computer c :
        jamf.computers()
            .list(
                ListQuery.all()
                    .withSections(ComputerSection.GENERAL, ComputerSection.HARDWARE)
                    .withFilter(computerFilter)
                    .withSort(Sort.asc("general.name"))
                    .withPageSize(PER_KIND))
            .page(0)
            .results()) {
      add(
          results,
          "computer:" + c.id(),
          c.general().name() + " (Mac, serial " + c.hardware().serialNumber() + ")",
          links.computer(c.id()));
    }
    Rsql mobileFilter =
        Rsql.contains("displayName", query)
            .or(
                Rsql.contains("serialNumber", query),
                Rsql.contains("username", query),
                Rsql.contains("fullName", query));
    for (MobileDeviceInventory d :
        jamf.mobileDevices()
            .inventory(
                ListQuery.all()
                    .withSections(MobileDeviceSection.GENERAL, MobileDeviceSection.HARDWARE)
                    .withFilter(mobileFilter)
                    .withSort(Sort.asc("displayName"))
                    .withPageSize(PER_KIND))
            .page(0)
            .results()) {
      add(
          results,
          "mobile:" + d.mobileDeviceId(),
          d.general().displayName()
              + " (mobile device, serial "
              + (d.hardware() == null ? "?" : d.hardware().serialNumber())
              + ")",
          links.mobileDevice(d.mobileDeviceId()));
    }
    // Classic lists (policies, profiles) have no filter; they are id and name only, so filter here.
    for (ClassicRef p : matching(jamf.policies().list(), query)) {
      add(results, "policy:" + p.id(), p.name() + " (policy)", links.policy(p.id()));
    }
    for (ClassicRef p : matching(jamf.configurationProfiles().macProfiles(), query)) {
      add(
          results,
          "profile:mac:" + p.id(),
          p.name() + " (macOS configuration profile)",
          links.macProfile(p.id()));
    }
    for (ClassicRef p : matching(jamf.configurationProfiles().mobileProfiles(), query)) {
      add(
          results,
          "profile:mobile:" + p.id(),
          p.name() + " (mobile configuration profile)",
          links.mobileProfile(p.id()));
    }
    ListQuery byName =
        ListQuery.all().withFilter(Rsql.contains("name", query)).withPageSize(PER_KIND);
    for (Script s : jamf.scripts().list(byName).page(0).results()) {
      add(results, "script:" + s.id(), s.name() + " (script)", links.script(s.id()));
    }
    for (SmartComputerGroup g : jamf.computerGroups().smartGroups(byName).page(0).results()) {
      add(
          results,
          "group:smart:" + g.id(),
          g.name() + " (smart computer group)",
          links.smartGroup(g.id()));
    }
    for (StaticComputerGroup g : jamf.computerGroups().staticGroups(byName).page(0).results()) {
      add(
          results,
          "group:static:" + g.id(),
          g.name() + " (static computer group)",
          links.staticGroup(g.id()));
    }
  }

  private static List<ClassicRef> matching(List<ClassicRef> all, String query) {
    String q = query.toLowerCase(Locale.ROOT);
    return all.stream()
        .filter(r -> r.name() != null && r.name().toLowerCase(Locale.ROOT).contains(q))
        .limit(PER_KIND)
        .toList();
  }

  private static void add(ArrayNode results, String id, String title, String url) {
    results.addObject().put("id", id).put("title", title).put("url", url);
  }
}

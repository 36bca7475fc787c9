package dev.jamfmcp.mcp.internal;

import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.ProtocolVersion;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Toolsets switched on per session. The application names toolsets (groups of its tools); with
 * switching on, {@code tools/list} shows a session the tools of the toolsets it has on (plus every
 * tool in no toolset), {@code listToolsets} and {@code enableToolsets} let the model change that,
 * and a call of a tool whose toolset is off answers which toolset to switch on.
 *
 * <p>A session's choice lives in {@link EnabledToolsets} (shared by every instance) under the
 * session's key; 2026-07-28 requests have no session, so theirs lives under the principal. This
 * instance caches the last set it read per key: a call of a tool in the cached set never asks the
 * store; a call of a tool outside it asks once (another instance may have switched it on), and
 * {@code tools/list} always asks once. So a toolset switched off on another instance stays callable
 * here until this instance next lists or misses: switching is about the model's context, not
 * authorization (scopes and read-only mode are).
 */
final class Toolsets {
  private static final Logger log = LoggerFactory.getLogger(Toolsets.class);
  static final String LIST = "listToolsets";
  static final String ENABLE = "enableToolsets";
  private static final int MAX_CACHED = 10_000;

  private final Map<String, ToolGroup> groups = new LinkedHashMap<>();
  private final Map<String, String> groupOf = new LinkedHashMap<>();
  private final ToolsetSwitching switching;
  private final Set<String> available;
  private final Map<String, Set<String>> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
          return size() > MAX_CACHED;
        }
      };

  /**
   * @param switching null: every toolset is listed to everyone, as if it had no toolsets
   */
  Toolsets(List<ToolGroup> groupList, ToolsetSwitching switching) {
    for (ToolGroup group : groupList) {
      if (groups.putIfAbsent(group.name(), group) != null) {
        throw new IllegalArgumentException("Toolset registered twice: " + group.name());
      }
      group.tools().forEach(tool -> groupOf.put(tool, group.name()));
    }
    Set<String> offered = new LinkedHashSet<>();
    if (switching != null) {
      for (String name : groups.keySet()) {
        if (switching.atStart().contains(name) || switching.available().contains(name)) {
          offered.add(name);
        }
      }
      for (String name : switching.available()) {
        if (!groups.containsKey(name)) {
          throw new IllegalArgumentException("No toolset named " + name + " is registered");
        }
      }
    }
    this.available = Set.copyOf(offered);
    boolean any = switching != null && !switching.atStart().containsAll(available);
    this.switching = any ? switching : null;
  }

  /** Whether sessions may switch toolsets (some available toolset is off at start). */
  boolean on() {
    return switching != null;
  }

  /** The two tools of switching, to register beside the application's. */
  static List<Tool> tools() {
    ObjectNode none = Json.object().put("type", "object");
    none.putObject("properties");
    ObjectNode names = Json.object().put("type", "array");
    names.putObject("items").put("type", "string");
    ObjectNode enableSchema = Json.object().put("type", "object");
    ObjectNode properties = enableSchema.putObject("properties");
    properties.set("enable", names);
    properties.set("disable", names.deepCopy());
    ToolAnnotations session = new ToolAnnotations(true, false, true, false);
    return List.of(
        new Tool(
            LIST,
            null,
            "Lists toolsets: what each covers, tool count, bytes, on or off.",
            none,
            null,
            session,
            Set.of(),
            Toolsets::answeredByEngine),
        new Tool(
            ENABLE,
            null,
            "Switches toolsets on or off in this session.",
            enableSchema,
            null,
            session,
            Set.of(),
            Toolsets::answeredByEngine));
  }

  private static ToolResult answeredByEngine(ObjectNode arguments, RequestContext context) {
    throw new IllegalStateException("listToolsets and enableToolsets are answered by the engine");
  }

  /** Where a request's choice is kept: its session, or (2026-07-28) its principal. */
  static String key(Call call) {
    if (call.frame().version().isStateless() || call.session().key() == null) {
      return "p:" + sha256(call.scope().principal().subject());
    }
    return "s:" + call.session().key();
  }

  /** Whether {@code tools/list} shows this tool to a session with {@code enabled} on. */
  boolean listed(String tool, Set<String> enabled) {
    String group = groupOf.get(tool);
    return switching == null || group == null || enabled.contains(group);
  }

  /** Whether the tool exists for sessions at all (its toolset is offered, or it has none). */
  boolean exists(String tool) {
    String group = groupOf.get(tool);
    return switching == null || group == null || available.contains(group);
  }

  /** The toolset the tool belongs to, or null. */
  String groupOf(String tool) {
    return groupOf.get(tool);
  }

  /**
   * The toolsets on under {@code key}: from this instance's cache unless {@code fresh}, else (or on
   * a miss) from the store; the start set if none was ever chosen. A store that cannot answer gives
   * the cached set, else the start set (logged): listing must not fail for want of a preference.
   */
  Set<String> enabled(String key, boolean fresh) {
    if (switching == null) {
      return available;
    }
    if (!fresh) {
      synchronized (cache) {
        Set<String> cached = cache.get(key);
        if (cached != null) {
          return cached;
        }
      }
    }
    Set<String> read;
    try {
      read = switching.store().read(key).map(this::offeredOnly).orElse(start());
    } catch (RuntimeException e) {
      log.warn("Could not read a session's toolsets; using what this instance knows", e);
      synchronized (cache) {
        Set<String> cached = cache.get(key);
        return cached != null ? cached : start();
      }
    }
    remember(key, read);
    return read;
  }

  /** Whether the tool's toolset is on under {@code key}; asks the store only on a cache miss. */
  boolean isOn(String tool, String key) {
    String group = groupOf.get(tool);
    if (switching == null || group == null) {
      return true;
    }
    return enabled(key, false).contains(group) || enabled(key, true).contains(group);
  }

  private Set<String> start() {
    return offeredOnly(switching.atStart());
  }

  private Set<String> offeredOnly(Set<String> names) {
    Set<String> kept = new TreeSet<>(names);
    kept.retainAll(available);
    return Set.copyOf(kept);
  }

  private void remember(String key, Set<String> enabled) {
    synchronized (cache) {
      cache.put(key, enabled);
    }
  }

  /** A session ended: its choice goes from the store and from this instance. */
  void forget(String sessionKey) {
    if (switching == null || sessionKey == null) {
      return;
    }
    String key = "s:" + sessionKey;
    synchronized (cache) {
      cache.remove(key);
    }
    try {
      switching.store().forget(key);
    } catch (RuntimeException e) {
      log.warn("Could not drop an ended session's toolsets; they expire on their own", e);
    }
  }

  /** The toolsets this caller may switch on: offered, with at least one tool its scopes allow. */
  private List<ToolGroup> offeredTo(Principal principal, Registry registry) {
    List<ToolGroup> out = new ArrayList<>();
    for (ToolGroup group : groups.values()) {
      if (!available.contains(group.name())) {
        continue;
      }
      boolean callable =
          group.tools().stream()
              .map(registry::tool)
              .flatMap(java.util.Optional::stream)
              .anyMatch(t -> principal.hasAllScopes(t.tool().requiredScopes()));
      if (callable) {
        out.add(group);
      }
    }
    return out;
  }

  /** {@code listToolsets}. */
  ToolResult list(Call call, Registry registry) {
    Set<String> enabled = enabled(key(call), true);
    ProtocolVersion version = call.frame().version();
    ObjectNode data = Json.object();
    ArrayNode items = data.putArray("toolsets");
    for (ToolGroup group : offeredTo(call.scope().principal(), registry)) {
      int count = 0;
      int bytes = 0;
      for (String name : group.tools()) {
        var registered = registry.tool(name);
        if (registered.isPresent()) {
          count++;
          bytes +=
              Json.mapper()
                  .writeValueAsString(Shapes.tool(registered.get().tool(), version))
                  .getBytes(StandardCharsets.UTF_8)
                  .length;
        }
      }
      items
          .addObject()
          .put("name", group.name())
          .put("description", group.description())
          .put("tools", count)
          .put("bytes", bytes)
          .put("enabled", enabled.contains(group.name()));
    }
    return ToolResult.structured(
        "Toolsets of this session; enableToolsets switches them on or off (bytes: the cost of"
            + " their tools in the tool list).",
        data);
  }

  /** {@code enableToolsets}: validate every name first, then store, then notify. */
  ToolResult enable(ObjectNode arguments, Call call, Registry registry, Runnable notifyStateless) {
    Map<String, ToolGroup> offered = new LinkedHashMap<>();
    offeredTo(call.scope().principal(), registry).forEach(g -> offered.put(g.name(), g));
    List<String> unknown = new ArrayList<>();
    Set<String> on = names(arguments.get("enable"), offered, unknown);
    Set<String> off = names(arguments.get("disable"), offered, unknown);
    if (!unknown.isEmpty()) {
      return ToolResult.error(
          "Unknown toolset(s) "
              + unknown
              + "; nothing changed. Toolsets you can switch: "
              + String.join(", ", offered.keySet())
              + ".");
    }
    if (on.isEmpty() && off.isEmpty()) {
      return ToolResult.error("Name toolsets in 'enable' or 'disable'; nothing changed.");
    }
    String key = key(call);
    Set<String> before = enabled(key, true);
    Set<String> after = new TreeSet<>(before);
    after.addAll(on);
    after.removeAll(off);
    if (!after.equals(before)) {
      try {
        switching.store().write(key, after);
      } catch (RuntimeException e) {
        log.warn("Could not store a session's toolsets", e);
        return ToolResult.error(
            "The session store is unavailable; nothing changed. Try enableToolsets again shortly.");
      }
      remember(key, Set.copyOf(after));
      if (call.frame().version().isStateless()) {
        notifyStateless.run();
      } else {
        call.scope()
            .sendRelated(
                new JsonRpcMessage.Notification("notifications/tools/list_changed", Json.object()));
      }
    }
    List<String> newTools = new ArrayList<>();
    for (String name : on) {
      if (!before.contains(name)) {
        offered.get(name).tools().stream()
            .filter(t -> registry.tool(t).isPresent())
            .forEach(newTools::add);
      }
    }
    ObjectNode data = Json.object();
    after.forEach(data.putArray("enabled")::add);
    newTools.forEach(data.putArray("newTools")::add);
    String summary =
        after.equals(before)
            ? "Nothing to change: the toolsets on are " + after + "."
            : "Toolsets on: "
                + after
                + (newTools.isEmpty()
                    ? "."
                    : ". Now callable: " + String.join(", ", newTools) + ".");
    return ToolResult.structured(summary, data);
  }

  /** Toolset names (any case) of an argument; names not offered go to {@code unknown}. */
  private static Set<String> names(
      JsonNode given, Map<String, ToolGroup> offered, List<String> unknown) {
    Set<String> out = new TreeSet<>();
    if (given == null || given.isNull()) {
      return out;
    }
    for (JsonNode item : given) {
      String name = item.asString().trim();
      String match =
          offered.keySet().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst().orElse(null);
      if (match == null) {
        unknown.add(name.toUpperCase(Locale.ROOT));
      } else {
        out.add(match);
      }
    }
    return out;
  }

  /** The error a call of a tool whose toolset is off gets: what to switch on, in one call. */
  static ToolResult switchOnFirst(String tool, String group) {
    return ToolResult.error(
        "The tool '"
            + tool
            + "' is in toolset "
            + group
            + ", which is off in this session. Call enableToolsets with {\"enable\":[\""
            + group
            + "\"]}, then call '"
            + tool
            + "' again.");
  }

  private static String sha256(String subject) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}

package dev.jamfmcp.mcp;

import dev.jamfmcp.mcp.cluster.EnabledToolsets;
import dev.jamfmcp.mcp.internal.Engine;
import dev.jamfmcp.mcp.internal.HandlerExecutors;
import dev.jamfmcp.mcp.internal.ToolGroup;
import dev.jamfmcp.mcp.internal.ToolsetSwitching;
import dev.jamfmcp.mcp.jsonrpc.JacksonFloor;
import dev.jamfmcp.mcp.prompt.Prompt;
import dev.jamfmcp.mcp.resource.Resource;
import dev.jamfmcp.mcp.resource.ResourceTemplate;
import dev.jamfmcp.mcp.tool.Tool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * The MCP protocol engine: versions, lifecycle, dispatch and the tool, resource and prompt
 * registries. It never sees HTTP; transports open a {@link McpSession} per connection and feed it
 * messages.
 *
 * <pre>{@code
 * McpServer server = McpServer.create(config -> config
 *     .serverInfo(Implementation.of("jamf-mcp", "1.0"))
 *     .tool(myTool));
 * StdioTransport.serve(server, System.in, System.out, Principal.of("local", "read:jamf"));
 * }</pre>
 */
public final class McpServer implements AutoCloseable {
  private final Engine engine;
  private final ExecutorService ownedExecutor;

  private McpServer(Config config) {
    ExecutorService executor = config.executor;
    this.ownedExecutor = executor == null ? HandlerExecutors.createDefault() : null;
    this.engine = new Engine(config.snapshot(), executor == null ? ownedExecutor : executor);
  }

  /**
   * Builds a server; the configuration is read once, here.
   *
   * @throws IllegalStateException when the class path's jackson-annotations is too old for Jackson
   *     3, with the fix ({@link JacksonFloor})
   */
  public static McpServer create(Consumer<Config> configurer) {
    JacksonFloor.require();
    Config config = new Config();
    configurer.accept(config);
    return new McpServer(config);
  }

  /**
   * A new session, for a new connection (stdio, an SSE stream), with a random key: what it chooses
   * (its toolsets) is kept under that key.
   */
  public McpSession newSession() {
    return new McpSession(engine, SessionState.fresh(), randomKey());
  }

  /**
   * A new session named {@code key} on every instance that may serve it (the Streamable HTTP
   * session id), or null for a session that serves one stateless (2026-07-28) request.
   */
  public McpSession newSession(String key) {
    return new McpSession(engine, SessionState.fresh(), key);
  }

  /** A session continued from state an earlier message (maybe on another instance) produced. */
  public McpSession resumeSession(SessionState state) {
    return new McpSession(engine, state, randomKey());
  }

  /**
   * The session named {@code key} continued, maybe on another instance, from the state an earlier
   * message produced: what it chose under that key (its toolsets) carries over.
   */
  public McpSession resumeSession(SessionState state, String key) {
    return new McpSession(engine, state, Objects.requireNonNull(key, "key"));
  }

  /**
   * The session named {@code key} has ended for good (a DELETE): what it chose is forgotten on the
   * shared store. Sessions that only expire are left to the store's own expiry.
   */
  public void sessionEnded(String key) {
    engine.sessionEnded(Objects.requireNonNull(key, "key"));
  }

  private static String randomKey() {
    return java.util.UUID.randomUUID().toString();
  }

  /** The registered tools, sorted by name, as {@code tools/list} shows them. */
  public List<Tool> tools() {
    return engine.registry().tools();
  }

  /**
   * Adds a tool while the server runs; open {@code subscriptions/listen} streams that asked for
   * {@code toolsListChanged} are told. A name already registered, or an invalid schema, throws
   * {@link IllegalArgumentException} and changes nothing.
   */
  public void addTool(Tool tool) {
    engine.registry().add(Objects.requireNonNull(tool));
  }

  /** Removes a tool while the server runs (listeners are told); false if there was none. */
  public boolean removeTool(String name) {
    return engine.registry().removeTool(name);
  }

  /** Adds a resource while the server runs (listeners are told); a URI taken throws. */
  public void addResource(Resource resource) {
    engine.registry().add(Objects.requireNonNull(resource));
  }

  /** Removes a resource while the server runs (listeners are told); false if there was none. */
  public boolean removeResource(String uri) {
    return engine.registry().removeResource(uri);
  }

  /** Adds a prompt while the server runs (listeners are told); a name taken throws. */
  public void addPrompt(Prompt prompt) {
    engine.registry().add(Objects.requireNonNull(prompt));
  }

  /** Removes a prompt while the server runs (listeners are told); false if there was none. */
  public boolean removePrompt(String name) {
    return engine.registry().removePrompt(name);
  }

  /**
   * Reports that the resource at {@code uri} changed: listens subscribed to it get {@code
   * notifications/resources/updated}. Does nothing unless {@link Config#resourceUpdates} is on.
   */
  public void resourceUpdated(String uri) {
    engine.resourceUpdated(Objects.requireNonNull(uri));
  }

  /** {@code subscriptions/listen} streams open now, over every transport (for metrics, tests). */
  public int openSubscriptions() {
    return engine.openSubscriptions();
  }

  /**
   * Ends every open {@code subscriptions/listen} gracefully (each gets its closing result), then
   * stops the handler pool this server created (not one that was passed in).
   */
  @Override
  public void close() {
    engine.endAllSubscriptions();
    if (ownedExecutor != null) {
      ownedExecutor.shutdownNow();
    }
  }

  /**
   * The settings of a server. Tools are listed sorted by name (a stable order clients can cache);
   * resources, templates and prompts keep registration order.
   */
  public static final class Config {
    private Implementation serverInfo = Implementation.of("mcp-server", "0.0.0");
    private String instructions;
    private final List<Tool> tools = new ArrayList<>();
    private final List<Resource> resources = new ArrayList<>();
    private final List<ResourceTemplate> resourceTemplates = new ArrayList<>();
    private final List<Prompt> prompts = new ArrayList<>();
    private int pageSize = 100;
    private Duration listTtl = Duration.ofMinutes(5);
    private ExecutorService executor;
    private boolean resourceUpdates;
    private int maxSubscriptions = 1000;
    private int maxSubscriptionsPerPrincipal = 16;
    private int maxClientWaitsPerPrincipal = 4;
    private final List<ToolGroup> toolGroups = new ArrayList<>();
    private ToolsetSwitching toolsetSwitching;

    public Config serverInfo(Implementation info) {
      this.serverInfo = Objects.requireNonNull(info);
      return this;
    }

    /** Guidance for the model about this server as a whole (sent on initialize/discover). */
    public Config instructions(String instructions) {
      this.instructions = instructions;
      return this;
    }

    public Config tool(Tool tool) {
      tools.add(Objects.requireNonNull(tool));
      return this;
    }

    public Config tools(Collection<Tool> all) {
      all.forEach(this::tool);
      return this;
    }

    /**
     * Registers tools as one named toolset. Without {@link #toolsetSwitching}, they are listed like
     * any other tool; with it, only to sessions that have the toolset on.
     *
     * @param name 1-64 of {@code A-Z a-z 0-9 _ -}
     * @param description one line, shown by {@code listToolsets}
     */
    public Config toolset(String name, String description, Collection<Tool> members) {
      if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
        throw new IllegalArgumentException(
            "Toolset name '" + name + "' must be 1-64 of A-Z a-z 0-9 _ -");
      }
      tools(members);
      toolGroups.add(
          new ToolGroup(
              name,
              Objects.requireNonNull(description),
              members.stream().map(Tool::name).toList()));
      return this;
    }

    /**
     * Lets each session switch toolsets on and off. A session starts with {@code atStart}; the
     * tools {@code listToolsets} and {@code enableToolsets} are added, and switch any toolset of
     * {@code atStart} or {@code available} on or off; {@code tools/list} shows a session the tools
     * of its toolsets (and every tool registered outside a toolset); a call of a tool whose toolset
     * is off answers which toolset to switch on; a switch is told with {@code
     * notifications/tools/list_changed} on the call's own stream (2025 versions, stdio) or the
     * principal's {@code subscriptions/listen} streams (2026-07-28, where the choice is kept per
     * principal, there being no session). Toolsets in neither set are not offered at all. If every
     * available toolset is on at start there is nothing to switch: no tools are added.
     *
     * @param store where each session's choice is kept: {@link EnabledToolsets#inMemory} for one
     *     instance, a shared one (Redis) for several behind a load balancer
     */
    public Config toolsetSwitching(
        Set<String> atStart, Set<String> available, EnabledToolsets store) {
      this.toolsetSwitching =
          new ToolsetSwitching(atStart, available, Objects.requireNonNull(store, "store"));
      return this;
    }

    public Config resource(Resource resource) {
      resources.add(Objects.requireNonNull(resource));
      return this;
    }

    public Config resourceTemplate(ResourceTemplate template) {
      resourceTemplates.add(Objects.requireNonNull(template));
      return this;
    }

    public Config prompt(Prompt prompt) {
      prompts.add(Objects.requireNonNull(prompt));
      return this;
    }

    /** Items per page of tools/list, resources/list, prompts/list (default 100). */
    public Config pageSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1");
      }
      this.pageSize = size;
      return this;
    }

    /** How long 2026-07-28 clients may cache list results ({@code ttlMs}; default 5 minutes). */
    public Config listTtl(Duration ttl) {
      this.listTtl = Objects.requireNonNull(ttl);
      return this;
    }

    /**
     * The pool that runs tool, resource and prompt handlers. Default: virtual threads on Java 21+,
     * a bounded pool on 17. A pool passed in is not shut down by {@link #close()}.
     */
    public Config executor(ExecutorService executor) {
      this.executor = executor;
      return this;
    }

    /**
     * Whether the application reports resource changes through {@link
     * McpServer#resourceUpdated(String)} (default off). On, the server declares {@code
     * resources.subscribe} to 2026-07-28 clients and honours {@code resourceSubscriptions} on
     * {@code subscriptions/listen}; off, it declares false and leaves them out of the grant.
     */
    public Config resourceUpdates(boolean enabled) {
      this.resourceUpdates = enabled;
      return this;
    }

    /**
     * Most {@code subscriptions/listen} streams open at once: in total (default 1000) and per
     * principal subject (default 16). A listen over a limit is refused with -32004 and holds
     * nothing.
     */
    public Config maxSubscriptions(int total, int perPrincipal) {
      if (total < 1 || perPrincipal < 1) {
        throw new IllegalArgumentException("subscription limits must be at least 1");
      }
      this.maxSubscriptions = total;
      this.maxSubscriptionsPerPrincipal = perPrincipal;
      return this;
    }

    /**
     * Most requests the server may have sent to one principal's clients and still be waiting for
     * (an {@code elicitation/create} asking a person to confirm, ...), over all its sessions;
     * default 4. A handler waiting for an answer holds a handler thread, and on Java 17 the pool is
     * bounded, so a client that declares elicitation and never answers could otherwise hold them
     * all. A request over the limit fails at once (its future completes with an {@link McpError},
     * -32004, saying to answer or cancel the open ones first) and sends nothing. Independently, on
     * a bounded pool ({@link java.util.concurrent.ThreadPoolExecutor}, the default on Java 17) all
     * principals together may wait on at most three quarters of its threads, so the rest always
     * serve calls that wait for nobody.
     */
    public Config maxWaitingClientRequests(int perPrincipal) {
      if (perPrincipal < 1) {
        throw new IllegalArgumentException("maxWaitingClientRequests must be at least 1");
      }
      this.maxClientWaitsPerPrincipal = perPrincipal;
      return this;
    }

    Engine.Settings snapshot() {
      return new Engine.Settings(
          serverInfo,
          instructions,
          tools,
          resources,
          resourceTemplates,
          prompts,
          pageSize,
          listTtl,
          resourceUpdates,
          maxSubscriptions,
          maxSubscriptionsPerPrincipal,
          maxClientWaitsPerPrincipal,
          toolGroups,
          toolsetSwitching);
    }
  }
}

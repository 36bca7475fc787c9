package dev.jamfmcp.tools;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.audit.AuditSink;
import dev.jamfmcp.mcp.audit.LoggingAuditSink;
import dev.jamfmcp.mcp.cluster.EnabledToolsets;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.mcp.confirm.ConsumedTokens;
import dev.jamfmcp.mcp.prompt.Prompt;
import dev.jamfmcp.mcp.resource.Resource;
import dev.jamfmcp.mcp.resource.ResourceTemplate;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.tools.support.Catalog;
import dev.jamfmcp.tools.support.JamfLinks;
import dev.jamfmcp.tools.support.LeanSchemas;
import dev.jamfmcp.tools.support.ToolSupport;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The Jamf tools, resources and prompts, assembled for one Jamf Pro: pick the toolsets, say whether
 * writes exist at all, and register them into an {@link McpServer}.
 *
 * <pre>{@code
 * JamfTools jamfTools = JamfTools.create(jamf, settings -> settings
 *     .confirmationKey(key)
 *     .readOnly(false));
 * McpServer server = McpServer.create(config -> jamfTools.registerInto(config));
 * }</pre>
 */
public final class JamfTools {
  private final List<Tool> tools;
  private final Map<Toolset, List<Tool>> byToolset;
  private final Set<Toolset> atStart;
  private final Set<Toolset> switchable;
  private final EnabledToolsets enabledToolsets;
  private final List<Resource> resources;
  private final List<ResourceTemplate> templates;
  private final List<Prompt> prompts;

  private JamfTools(Settings settings, JamfClient jamf) {
    ToolSupport support =
        new ToolSupport(
            jamf,
            settings.connected(settings.gate()).withAudit(settings.audit),
            settings.audit,
            settings.clock,
            new JamfLinks(settings.webUrl != null ? settings.webUrl : jamf.baseUrl()),
            settings.complianceBaseline);
    Catalog catalog = new Catalog();
    ToolCatalogs.addAll(catalog, support);
    Set<Toolset> assembled = EnumSet.noneOf(Toolset.class);
    assembled.addAll(settings.toolsets);
    assembled.addAll(settings.switchable);
    Map<Toolset, List<Tool>> grouped = new EnumMap<>(Toolset.class);
    catalog.tools().stream()
        .filter(entry -> assembled.contains(entry.toolset()))
        .filter(entry -> !settings.readOnly || entry.tool().annotations().readOnlyHint())
        .forEach(
            entry ->
                grouped
                    .computeIfAbsent(entry.toolset(), t -> new ArrayList<>())
                    .add(lean(entry.tool())));
    grouped.replaceAll((toolset, list) -> List.copyOf(list));
    this.byToolset = grouped;
    this.tools = grouped.values().stream().flatMap(List::stream).toList();
    this.atStart = settings.toolsets;
    this.switchable = settings.switchable;
    this.enabledToolsets = settings.enabledToolsets;
    this.resources = catalog.resources();
    this.templates = catalog.templates();
    this.prompts = catalog.prompts();
  }

  /** The tool with a lean output schema (see {@link LeanSchemas}): the context budget. */
  private static Tool lean(Tool tool) {
    return new Tool(
        tool.name(),
        tool.title(),
        tool.description(),
        tool.inputSchema(),
        LeanSchemas.output(tool.outputSchema()),
        tool.annotations(),
        withRead(tool.requiredScopes()),
        tool.handler(),
        tool.approvalClass());
  }

  /**
   * A write needs {@code read:jamf} as well (every request does): the 403 challenge then names
   * both, as the MCP authorization spec asks (every scope the operation needs, in one challenge),
   * so a client that re-authorizes with the challenged scopes keeps read access.
   */
  private static java.util.Set<String> withRead(java.util.Set<String> scopes) {
    if (!scopes.contains(JamfScopes.WRITE) || scopes.contains(JamfScopes.READ)) {
      return scopes;
    }
    java.util.Set<String> both = new java.util.TreeSet<>(scopes);
    both.add(JamfScopes.READ);
    return both;
  }

  public static JamfTools create(JamfClient jamf, Consumer<Settings> configurer) {
    Settings settings = new Settings();
    configurer.accept(settings);
    return new JamfTools(settings, Objects.requireNonNull(jamf, "jamf"));
  }

  public List<Tool> tools() {
    return tools;
  }

  public List<Resource> resources() {
    return resources;
  }

  public List<ResourceTemplate> resourceTemplates() {
    return templates;
  }

  public List<Prompt> prompts() {
    return prompts;
  }

  /**
   * Adds every tool (each in its toolset), resource, template and prompt to a server's
   * configuration, and, with {@link Settings#switchableToolsets}, lets sessions switch toolsets.
   */
  public McpServer.Config registerInto(McpServer.Config config) {
    byToolset.forEach(
        (toolset, members) -> config.toolset(toolset.name(), toolset.description(), members));
    if (enabledToolsets != null) {
      config.toolsetSwitching(
          names(atStart).stream().filter(this::hasTools).collect(Collectors.toSet()),
          names(switchable).stream().filter(this::hasTools).collect(Collectors.toSet()),
          enabledToolsets);
    }
    resources.forEach(config::resource);
    templates.forEach(config::resourceTemplate);
    prompts.forEach(config::prompt);
    return config;
  }

  /** The toolsets a session may have on: those on at start and those it may switch on. */
  public Set<Toolset> toolsets() {
    return byToolset.keySet();
  }

  private boolean hasTools(String toolset) {
    return byToolset.containsKey(Toolset.valueOf(toolset));
  }

  private static Set<String> names(Set<Toolset> toolsets) {
    return toolsets.stream().map(Toolset::name).collect(Collectors.toSet());
  }

  /** Which tools exist and how writes are confirmed and recorded. */
  public static final class Settings {
    private Set<Toolset> toolsets = EnumSet.allOf(Toolset.class);
    private Set<Toolset> switchable = EnumSet.noneOf(Toolset.class);
    private EnabledToolsets enabledToolsets;
    private boolean readOnly;
    private byte[] confirmationKey;
    private java.time.Duration confirmationLifetime = java.time.Duration.ofMinutes(5);
    private ConfirmationGate gate;
    private ConsumedTokens consumedTokens;
    private dev.jamfmcp.mcp.confirm.PendingActionStore pendingActions;
    private AuditSink audit = new LoggingAuditSink();
    private Clock clock = Clock.systemUTC();
    private URI webUrl;
    private dev.jamfmcp.mcp.approval.Approvals approvals;
    private ConfirmationGate.ApprovalMode approvalMode = ConfirmationGate.ApprovalMode.BROWSER;
    private String noApprovalPage;
    private ComplianceBaseline complianceBaseline = ComplianceBaseline.DEFAULT;

    /** The toolsets to offer (default: all). */
    public Settings toolsets(Set<Toolset> chosen) {
      this.toolsets = chosen.isEmpty() ? EnumSet.noneOf(Toolset.class) : EnumSet.copyOf(chosen);
      return this;
    }

    /**
     * Lets each session switch toolsets on and off (tools {@code listToolsets} and {@code
     * enableToolsets}): it starts with {@link #toolsets} and may switch on {@code available} too
     * (default: none, no switching). Read-only mode still leaves every write out, and scopes still
     * guard every call.
     *
     * @param store each session's choice: {@link EnabledToolsets#inMemory} for one instance, a
     *     shared one (Redis) for several
     */
    public Settings switchableToolsets(Set<Toolset> available, EnabledToolsets store) {
      this.switchable =
          available.isEmpty() ? EnumSet.noneOf(Toolset.class) : EnumSet.copyOf(available);
      this.enabledToolsets = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Read-only mode: write tools are not offered at all (default false). */
    public Settings readOnly(boolean value) {
      this.readOnly = value;
      return this;
    }

    /** The HMAC key of confirmation tokens, shared by every instance (at least 32 bytes). */
    public Settings confirmationKey(byte[] key) {
      this.confirmationKey = key.clone();
      return this;
    }

    /**
     * How long a confirmation token, and the preview it confirms, stays valid (default 5 minutes; 1
     * minute to 1 hour).
     */
    public Settings confirmationLifetime(java.time.Duration lifetime) {
      if (lifetime.compareTo(java.time.Duration.ofMinutes(1)) < 0
          || lifetime.compareTo(java.time.Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("the confirmation lifetime must be 1 minute to 1 hour");
      }
      this.confirmationLifetime = lifetime;
      return this;
    }

    /**
     * The ledger of used confirmations (default: this process's memory, {@link
     * ConsumedTokens#inMemory()}). Several instances sharing the confirmation key must share one
     * ledger too (e.g. Redis SET NX with the token's expiry), or a confirmation used on one could
     * be used again on another until it expires (5 minutes).
     */
    public Settings consumedTokens(ConsumedTokens ledger) {
      this.consumedTokens = Objects.requireNonNull(ledger, "ledger");
      return this;
    }

    /**
     * Where the gate keeps previewed actions with the secrets the server generated for them
     * (default: this process's memory). Several instances share one (e.g. Redis) so that a
     * confirmation can come back to any of them.
     */
    public Settings pendingActions(dev.jamfmcp.mcp.confirm.PendingActionStore store) {
      this.pendingActions = Objects.requireNonNull(store, "store");
      return this;
    }

    /** A ready-made gate (tests, or a custom time-to-live); overrides the key and the ledger. */
    public Settings confirmationGate(ConfirmationGate value) {
      this.gate = value;
      return this;
    }

    /**
     * Where what happens to writes (previews, confirmations, declines, refusals, executions) is
     * recorded (default: the {@code jamf-mcp.audit} logger).
     */
    public Settings audit(AuditSink sink) {
      this.audit = Objects.requireNonNull(sink);
      return this;
    }

    public Settings clock(Clock value) {
      this.clock = Objects.requireNonNull(value);
      return this;
    }

    /**
     * The checks checkComplianceBaseline applies when a call does not override them (default:
     * {@link ComplianceBaseline#DEFAULT}).
     */
    public Settings complianceBaseline(ComplianceBaseline baseline) {
      this.complianceBaseline = Objects.requireNonNull(baseline, "baseline");
      return this;
    }

    /** The Jamf Pro web address for links (default: the API base URL). */
    public Settings webUrl(URI url) {
      this.webUrl = url;
      return this;
    }

    /**
     * The approval page that approves {@code approve} actions (erase, lock, ...), and whether the
     * dialog of a client that declares elicitation is trusted instead ({@link
     * ConfirmationGate.ApprovalMode#ELICITATION}). Without one, such actions take the client's
     * dialog, and a client without elicitation is refused: there is no way for the model to approve
     * alone.
     */
    public Settings approvals(
        dev.jamfmcp.mcp.approval.Approvals service, ConfirmationGate.ApprovalMode mode) {
      this.approvals = Objects.requireNonNull(service, "service");
      this.approvalMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * No approval page, and why (added to the refusal a client without elicitation gets for an
     * {@code approve} action, e.g. "the approval page is not served on stdio yet").
     */
    public Settings noApprovalPage(String why) {
      this.approvals = null;
      this.noApprovalPage = why;
      return this;
    }

    ConfirmationGate connected(ConfirmationGate gate) {
      return approvals != null
          ? gate.withApprovals(approvals, approvalMode)
          : noApprovalPage != null ? gate.withoutApprovalPage(noApprovalPage) : gate;
    }

    ConfirmationGate gate() {
      if (gate != null) {
        return gate;
      }
      if (confirmationKey == null) {
        if (readOnly) {
          // No write tool exists, so no token is ever issued or checked: a random key is safe.
          byte[] random = new byte[32];
          new java.security.SecureRandom().nextBytes(random);
          return ConfirmationGate.create(random, confirmationLifetime, clock);
        }
        throw new IllegalStateException(
            "write tools need a confirmation key (at least 32"
                + " bytes, the same on every instance); set one, or choose read-only mode");
      }
      ConfirmationGate created =
          ConfirmationGate.create(
              confirmationKey,
              confirmationLifetime,
              clock,
              consumedTokens != null ? consumedTokens : ConsumedTokens.inMemory(clock));
      return pendingActions != null ? created.withPendingActions(pendingActions) : created;
    }
  }
}

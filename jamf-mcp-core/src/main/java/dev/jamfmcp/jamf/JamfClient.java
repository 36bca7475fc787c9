package dev.jamfmcp.jamf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.jamfmcp.jamf.computers.Computers;
import dev.jamfmcp.jamf.groups.ComputerGroups;
import dev.jamfmcp.jamf.groups.SmartGroups;
import dev.jamfmcp.jamf.internal.ClientSettings;
import dev.jamfmcp.jamf.internal.Endpoints;
import dev.jamfmcp.jamf.internal.Operations;
import dev.jamfmcp.jamf.internal.SharedResources;
import dev.jamfmcp.jamf.internal.Transport;
import dev.jamfmcp.jamf.inventory.Inventory;
import dev.jamfmcp.jamf.mdm.Mdm;
import dev.jamfmcp.jamf.mobile.MobileDevices;
import dev.jamfmcp.jamf.org.Organization;
import dev.jamfmcp.jamf.patch.PatchTitles;
import dev.jamfmcp.jamf.policies.Policies;
import dev.jamfmcp.jamf.profiles.ConfigurationProfiles;
import dev.jamfmcp.jamf.scripts.Scripts;
import dev.jamfmcp.jamf.updates.SoftwareUpdates;
import java.net.URI;

/**
 * A client for one Jamf Pro instance: authentication and token caching, retries of idempotent
 * requests, at most N requests in flight, timeouts, sticky cookies, and typed operations grouped by
 * concept.
 *
 * <pre>{@code
 * JamfClient jamf = JamfClient.builder()
 *     .baseUrl("https://example.jamfcloud.com")
 *     .clientCredentials(clientId, clientSecret)
 *     .build();
 * ListQuery query = ListQuery.all()
 *     .withSections(ComputerSection.GENERAL, ComputerSection.HARDWARE)
 *     .withFilter(Rsql.eq("hardware.model", "MacBook Air"));
 * for (Computer c : jamf.computers().list(query)) { ... }   // pages concurrently, bounded memory
 * }</pre>
 *
 * <p>Immutable and thread-safe; share one per Jamf Pro instance. {@link #newBuilder()} makes a
 * variant that shares the connection pool, cookies, request limit, page threads and tokens.
 */
public final class JamfClient implements AutoCloseable {

  private final SharedResources shared;
  private final ClientSettings settings;
  private final Transport transport;

  JamfClient(ClientSettings settings, SharedResources shared) {
    this.settings = settings;
    this.shared = shared;
    this.transport = new Transport(settings, shared);
  }

  /** A builder with the defaults described on each of its setters. */
  public static JamfClientBuilder builder() {
    return new JamfClientBuilder();
  }

  /** A builder preset with this client's settings, sharing its connections and request limit. */
  public JamfClientBuilder newBuilder() {
    return new JamfClientBuilder(settings, shared);
  }

  public URI baseUrl() {
    return settings.baseUrl();
  }

  public Computers computers() {
    return Operations.create(Computers.class, transport);
  }

  public MobileDevices mobileDevices() {
    return Operations.create(MobileDevices.class, transport);
  }

  /** Departments, buildings and categories. */
  public Organization organization() {
    return Operations.create(Organization.class, transport);
  }

  public Scripts scripts() {
    return Operations.create(Scripts.class, transport);
  }

  public ComputerGroups computerGroups() {
    return Operations.create(ComputerGroups.class, transport);
  }

  public Policies policies() {
    return Operations.create(Policies.class, transport);
  }

  public ConfigurationProfiles configurationProfiles() {
    return Operations.create(ConfigurationProfiles.class, transport);
  }

  public Mdm mdm() {
    return Operations.create(Mdm.class, transport);
  }

  public PatchTitles patchTitles() {
    return Operations.create(PatchTitles.class, transport);
  }

  /** Managed software updates: OS update plans, their statuses, available OS versions. */
  public SoftwareUpdates softwareUpdates() {
    return Operations.create(SoftwareUpdates.class, transport);
  }

  /** Packages, sites, end users, PreStages, extension attributes, apps, device history. */
  public Inventory inventory() {
    return Operations.create(Inventory.class, transport);
  }

  /** Smart computer and mobile device groups: definitions, create, update, member counts. */
  public SmartGroups smartGroups() {
    return Operations.create(SmartGroups.class, transport);
  }

  /**
   * The server's version, e.g. {@code 11.30.1-t1762262402}. Also a cheap check of URL and
   * credentials.
   */
  public String jamfProVersion() {
    return transport.json(Endpoints.JAMF_PRO_VERSION.request(), Version.class).version();
  }

  /**
   * The server's version as the client uses it to choose endpoints: read once (on the first call
   * that needs it, or here) and kept for this client and its variants, unless the builder pinned it
   * ({@link JamfClientBuilder#jamfProVersion(String)}). Tells whether the server is supported
   * ({@link JamfProVersion#isSupported()}).
   */
  public JamfProVersion serverVersion() {
    return transport.serverVersion();
  }

  /** Stops the page-fetching threads. Variants made with {@link #newBuilder()} share them. */
  @Override
  public void close() {
    shared.pageExecutor().shutdownNow();
  }

  @Override
  public String toString() {
    return "JamfClient[" + settings.baseUrl() + ", " + settings.credentials() + "]";
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Version(String version) {}
}

package dev.jamfmcp.jamf.profiles;

import dev.jamfmcp.jamf.ClassicRef;
import dev.jamfmcp.jamf.internal.Endpoints;
import dev.jamfmcp.jamf.internal.Operations;
import dev.jamfmcp.jamf.internal.Transport;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/**
 * Configuration profiles (Classic API only). Obtain from {@code
 * JamfClient.configurationProfiles()}.
 */
public final class ConfigurationProfiles {

  private static final TypeReference<List<ClassicRef>> REFS = new TypeReference<>() {};
  private static final TypeReference<ConfigurationProfile> PROFILE = new TypeReference<>() {};

  private final Transport transport;

  static {
    Operations.register(ConfigurationProfiles.class, ConfigurationProfiles::new);
  }

  /** Obtained from {@code JamfClient}, which builds it with {@link Operations}. */
  private ConfigurationProfiles(Transport transport) {
    this.transport = transport;
  }

  public List<ClassicRef> macProfiles() {
    return transport.classic(Endpoints.MAC_PROFILES.request(), "os_x_configuration_profiles", REFS);
  }

  public ConfigurationProfile macProfile(int id) {
    return transport.classic(
        Endpoints.MAC_PROFILE.request(id), "os_x_configuration_profile", PROFILE);
  }

  public List<ClassicRef> mobileProfiles() {
    return transport.classic(Endpoints.MOBILE_PROFILES.request(), "configuration_profiles", REFS);
  }

  public ConfigurationProfile mobileProfile(int id) {
    return transport.classic(
        Endpoints.MOBILE_PROFILE.request(id), "configuration_profile", PROFILE);
  }
}

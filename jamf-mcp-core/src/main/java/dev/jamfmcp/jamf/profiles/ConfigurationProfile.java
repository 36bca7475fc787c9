package dev.jamfmcp.jamf.profiles;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jamfmcp.jamf.ClassicRef;
import java.util.List;

/**
 * A macOS or mobile configuration profile from the Classic API, without its payload. Scope members
 * that do not apply to the kind of profile are null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConfigurationProfile(General general, Scope scope) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record General(
      int id,
      String name,
      String description,
      ClassicRef category,
      ClassicRef site,
      String uuid,
      String level,
      @JsonProperty("distribution_method") String distributionMethod,
      @JsonProperty("redeploy_on_update") String redeployOnUpdate) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Scope(
      @JsonProperty("all_computers") Boolean allComputers,
      @JsonProperty("all_mobile_devices") Boolean allMobileDevices,
      List<ClassicRef> computers,
      @JsonProperty("computer_groups") List<ClassicRef> computerGroups,
      @JsonProperty("mobile_devices") List<ClassicRef> mobileDevices,
      @JsonProperty("mobile_device_groups") List<ClassicRef> mobileDeviceGroups) {}
}

package dev.jamfmcp.jamf.policies;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jamfmcp.jamf.ClassicRef;
import java.util.List;

/** A policy from the Classic API ({@code /JSSResource/policies/id/{id}}); ids are integers. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Policy(
    General general, Scope scope, @JsonProperty("self_service") SelfService selfService) {

  /**
   * {@code frequency} is e.g. "Once per computer"; {@code trigger} e.g. "EVENT" or
   * "USER_INITIATED".
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record General(
      int id,
      String name,
      Boolean enabled,
      String trigger,
      @JsonProperty("trigger_checkin") Boolean triggerCheckin,
      @JsonProperty("trigger_other") String triggerOther,
      String frequency,
      ClassicRef category) {}

  /** Who the policy applies to; {@code exclusions} win over the targets. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Scope(
      @JsonProperty("all_computers") Boolean allComputers,
      List<ClassicRef> computers,
      @JsonProperty("computer_groups") List<ClassicRef> computerGroups,
      List<ClassicRef> buildings,
      List<ClassicRef> departments,
      Exclusions exclusions) {}

  /** Computers the policy never applies to, even when a target includes them. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Exclusions(
      List<ClassicRef> computers,
      @JsonProperty("computer_groups") List<ClassicRef> computerGroups,
      List<ClassicRef> buildings,
      List<ClassicRef> departments) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SelfService(
      @JsonProperty("use_for_self_service") Boolean useForSelfService,
      @JsonProperty("self_service_display_name") String displayName) {}
}

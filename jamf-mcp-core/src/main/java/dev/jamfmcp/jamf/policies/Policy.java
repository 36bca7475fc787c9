package dev.jamfmcp.jamf.policies;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jamfmcp.jamf.ClassicRef;
import java.util.List;

/** A policy from the Classic API ({@code /JSSResource/policies/id/{id}}); ids are integers. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Policy(
    General general,
    Scope scope,
    @JsonProperty("self_service") SelfService selfService,
    @JsonProperty("package_configuration") PackageConfiguration packageConfiguration,
    List<ScriptRun> scripts) {

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
      ClassicRef category,
      @JsonProperty("trigger_login") Boolean triggerLogin,
      @JsonProperty("trigger_startup") Boolean triggerStartup,
      @JsonProperty("trigger_enrollment_complete") Boolean triggerEnrollmentComplete,
      @JsonProperty("trigger_network_state_changed") Boolean triggerNetworkStateChanged) {}

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
      @JsonProperty("self_service_display_name") String displayName,
      @JsonProperty("self_service_description") String description,
      @JsonProperty("install_button_text") String installButtonText,
      @JsonProperty("feature_on_main_page") Boolean featureOnMainPage) {}

  /** The packages a policy deploys. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PackageConfiguration(List<PackageRun> packages) {}

  /** One package of a policy; {@code action} is e.g. "Install", "Cache" or "Install Cached". */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PackageRun(int id, String name, String action) {}

  /**
   * One script of a policy; {@code priority} is "Before" or "After"; parameters 4 to 11 are the
   * values the script receives as $4..$11.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ScriptRun(
      int id,
      String name,
      String priority,
      String parameter4,
      String parameter5,
      String parameter6,
      String parameter7,
      String parameter8,
      String parameter9,
      String parameter10,
      String parameter11) {

    /** Parameters 4..11 in order, blanks included. */
    public List<String> parameters() {
      return java.util.Arrays.asList(
          parameter4,
          parameter5,
          parameter6,
          parameter7,
          parameter8,
          parameter9,
          parameter10,
          parameter11);
    }
  }
}

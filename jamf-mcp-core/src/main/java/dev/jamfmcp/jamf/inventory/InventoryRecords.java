package dev.jamfmcp.jamf.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The records of {@link Inventory}, bound from Jamf's JSON; unknown members are ignored. */
public final class InventoryRecords {
  private InventoryRecords() {}

  /** {@code GET /api/v1/packages}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record JamfPackage(
      String id,
      String packageName,
      String fileName,
      String categoryId,
      Boolean rebootRequired,
      Boolean osInstall) {}

  /** {@code GET /api/v1/sites}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Site(String id, String name) {}

  /** {@code GET /api/v1/users}: an end user (not a Jamf Pro account). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record EndUser(
      String id, String username, String realname, String email, String position) {}

  /** {@code GET /api/v3/computer-prestages} and {@code /api/v3/mobile-device-prestages}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Prestage(
      String id,
      String displayName,
      Boolean mandatory,
      Boolean defaultPrestage,
      String department,
      String siteId) {}

  /** A computer or mobile device extension attribute definition. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ExtensionAttribute(
      String id,
      String name,
      String description,
      String dataType,
      String inputType,
      Boolean enabled) {}

  /** A Classic {@code macapplications} or {@code mobiledeviceapplications} list entry. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ClassicApp(
      int id, String name, @JsonProperty("bundle_id") String bundleId, String version) {}

  /** A mobile device group as listed ({@code /api/v2/mobile-device-groups/...-groups}). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MobileDeviceGroup(
      String groupId, String groupName, String groupDescription, Integer count) {}

  /** One member of a mobile device group. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record GroupMobileDevice(
      String mobileDeviceId,
      String displayName,
      String serialNumber,
      String model,
      String osVersion) {}

  /** One criterion of a smart group (computer or mobile). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Criterion(
      String name,
      Integer priority,
      String andOr,
      String searchType,
      String value,
      Boolean openingParen,
      Boolean closingParen) {}

  /** A smart group's definition; {@code name} from either API's spelling. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SmartGroupDefinition(
      String name,
      String groupName,
      String description,
      String groupDescription,
      List<Criterion> criteria) {
    public String displayName() {
      return name != null ? name : groupName;
    }
  }

  /** A computer's applications ({@code APPLICATIONS} section of the inventory). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ComputerApplications(String id, General general, List<Application> applications) {
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record General(String name, String serialNumber) {}
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Application(String name, String version, String bundleId, Boolean macAppStore) {}

  /** Classic {@code computerhistory}: the parts admins ask for. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ComputerHistory(
      @JsonProperty("policy_logs") List<PolicyLog> policyLogs, Commands commands) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PolicyLog(
      @JsonProperty("policy_id") int policyId,
      @JsonProperty("policy_name") String policyName,
      String username,
      @JsonProperty("date_completed_utc") String dateCompletedUtc,
      String status) {}

  /** Classic {@code mobiledevicehistory}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MobileDeviceHistory(
      @JsonProperty("management_commands") Commands managementCommands) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Commands(
      List<HistoryCommand> completed, List<HistoryCommand> pending, List<HistoryCommand> failed) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record HistoryCommand(
      String name,
      String status,
      @JsonProperty("completed_utc") String completedUtc,
      @JsonProperty("issued_utc") String issuedUtc,
      String error) {}
}

package dev.jamfmcp.jamf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jamfmcp.jamf.JamfProtocolException;
import dev.jamfmcp.jamf.Page;
import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.computers.ComputerGeneral;
import dev.jamfmcp.jamf.computers.ComputerGroupMembership;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written reader the pager uses for computers gives exactly the records Jackson's own
 * record deserializer gives, on ordinary pages and odd ones, and refuses what Jackson refuses.
 */
class RecordReaderTest {

  static final String OP = "GET /api/v3/computers-inventory";
  final PageReader<Computer> fast = PageReader.ofRecords(Computer.class);
  final PageReader<Computer> jackson = PageReader.of(Computer.class);

  static byte[] page(String... results) {
    return ("{\n  \"totalCount\" : 1234,\n  \"results\" : [ "
            + String.join(", ", results)
            + " ]\n}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A computer as the simulator writes it: every section present, most of them null. */
  static final String FULL =
      """
      {
        "id" : "17", "udid" : "55900BDC-347C-58B1-D249-F32244B11D30",
        "general" : {
          "name" : "Mac-0017", "lastIpAddress" : "10.0.0.17", "lastReportedIp" : "10.1.0.17",
          "lastReportedIpV4" : "10.1.0.17", "lastReportedIpV6" : null, "platform" : "Mac",
          "barcode1" : null, "assetTag" : "A-17",
          "remoteManagement" : { "managed" : true, "managementUsername" : "jamfmanage" },
          "supervised" : true,
          "mdmCapable" : { "capable" : true, "capableUsers" : [ "ann" ], "userManagementInfo" : [ ] },
          "reportDate" : "2026-01-02T03:04:05Z", "lastContactTime" : "2026-01-03T03:04:05Z",
          "lastEnrolledDate" : "2025-01-02T03:04:05Z", "initialEntryDate" : "2025-01-02",
          "enrollmentMethod" : { "id" : "1", "objectName" : "Corporate Macs" },
          "site" : { "id" : "-1", "name" : "None" }, "extensionAttributes" : [ ],
          "managementId" : "7d1f3c2a-0000-4000-8000-000000000017", "declarativeDeviceManagementEnabled" : true,
          "lastLoggedInUsernameSelfServiceTimestamp" : null
        },
        "diskEncryption" : { "fileVault2Enabled" : true, "bootPartitionEncryptionDetails" : { "partitionName" : "Macintosh HD" },
          "individualRecoveryKeyValidityStatus" : "VALID", "institutionalRecoveryKeyPresent" : false },
        "purchasing" : null, "applications" : [ { "name" : "Safari.app", "version" : "18.1" } ],
        "storage" : { "disks" : [ { "partitions" : [ { "name" : "Macintosh HD", "percentUsed" : 41.5 } ] } ] },
        "userAndLocation" : { "username" : "ann", "realname" : "Ann Lee", "email" : "ann@example.com",
          "position" : "", "phone" : "", "departmentId" : "3", "buildingId" : null, "room" : "",
          "extensionAttributes" : [ { "definitionId" : "1", "values" : [ "x" ] } ] },
        "configurationProfiles" : [ ], "printers" : [ ], "services" : [ ],
        "hardware" : { "make" : "Apple", "model" : "MacBook Pro (14-inch, 2023)", "modelIdentifier" : "Mac14,5",
          "serialNumber" : "C02XY17", "processorSpeedMhz" : 0, "coreCount" : 12, "appleSilicon" : true,
          "macAddress" : "a4:83:e7:00:00:17", "batteryCapacityPercent" : 91 },
        "localUserAccounts" : [ ], "certificates" : [ ], "attachments" : [ ], "packageReceipts" : null,
        "security" : { "sipStatus" : "ENABLED", "gatekeeperStatus" : "APP_STORE_AND_IDENTIFIED_DEVELOPERS",
          "xprotectVersion" : "5272", "autoLoginDisabled" : true, "firewallEnabled" : true,
          "activationLockEnabled" : false, "recoveryLockEnabled" : false, "secureBootLevel" : "FULL_SECURITY" },
        "operatingSystem" : { "name" : "macOS", "version" : "15.1", "build" : "24B83",
          "supplementalBuildVersion" : null, "fileVault2Status" : "BOOT_ENCRYPTED", "extensionAttributes" : [ ] },
        "licensedSoftware" : [ ], "ibeacons" : [ ], "softwareUpdates" : [ ], "extensionAttributes" : [ ],
        "contentCaching" : null,
        "groupMemberships" : [ { "groupId" : "1", "groupName" : "All Managed Clients", "smartGroup" : true },
          null, { "groupId" : "9", "groupName" : "Static", "smartGroup" : false, "extra" : { } } ]
      }""";

  @Test
  void aFullComputerReadsAsJacksonReadsIt() {
    Page<Computer> page = fast.read(page(FULL), OP, 0);
    assertThat(page).isEqualTo(jackson.read(page(FULL), OP, 0));
    assertThat(page.totalCount()).isEqualTo(1234);
    Computer c = page.results().get(0);
    assertThat(c.general())
        .isEqualTo(
            new ComputerGeneral(
                "Mac-0017",
                "2026-01-03T03:04:05Z",
                "2026-01-02T03:04:05Z",
                "10.1.0.17",
                "10.0.0.17",
                "7d1f3c2a-0000-4000-8000-000000000017",
                "Mac",
                "A-17",
                true,
                "2025-01-02T03:04:05Z"));
    assertThat(c.hardware().appleSilicon()).isTrue();
    assertThat(c.diskEncryption().institutionalRecoveryKeyPresent()).isFalse();
    assertThat(c.userAndLocation().buildingId()).isNull();
    assertThat(c.groupMemberships())
        .containsExactly(
            new ComputerGroupMembership("1", "All Managed Clients", true),
            null,
            new ComputerGroupMembership("9", "Static", false));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // sections missing, null or empty; unknown members of every kind at every level
        "{}",
        "{\"id\":\"1\"}",
        "{\"id\":\"1\",\"general\":null,\"hardware\":null,\"groupMemberships\":null}",
        "{\"id\":\"1\",\"general\":{},\"security\":{},\"groupMemberships\":[]}",
        "{\"unknown\":{\"a\":[1,2,{\"b\":null}]},\"id\":\"2\",\"more\":[[],{}],\"x\":1.5e3}",
        "{\"general\":{\"name\":\"n\",\"nested\":{\"name\":\"not me\"}},\"id\":\"3\"}",
        // the last of a repeated member wins
        "{\"id\":\"1\",\"id\":\"2\",\"general\":{\"name\":\"a\",\"name\":\"b\"}}",
        // Jackson's coercions: scalars to text, text to booleans, one object as a list of one
        "{\"id\":17,\"general\":{\"name\":1.5,\"supervised\":\"true\",\"assetTag\":false}}",
        "{\"general\":{\"supervised\":1},\"security\":{\"firewallEnabled\":\"false\"}}",
        "{\"groupMemberships\":{\"groupId\":\"4\",\"smartGroup\":true}}",
        "{\"groupMemberships\":[null],\"general\":{\"supervised\":null,\"name\":null}}",
        "{\"general\":{\"supervised\":\"\"}}",
      })
  void oddButValidComputersReadAsJacksonReadsThem(String computer) {
    assertThat(fast.read(page(computer, FULL), OP, 0))
        .isEqualTo(jackson.read(page(computer, FULL), OP, 0));
  }

  @Test
  void anEmptyPageAndNonObjectMembersOfThePageAreHandledAsBefore() {
    byte[] body =
        "{\"extra\":{\"results\":[1]},\"totalCount\":0,\"results\":[]}"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(fast.read(body, OP, 0)).isEqualTo(new Page<Computer>(0, List.of()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"general\":\"Mac-1\"}",
        "{\"general\":[{\"name\":\"Mac-1\"}]}",
        "{\"general\":{\"name\":{\"first\":\"Mac\"}}}",
        "{\"general\":{\"name\":[\"Mac\"]}}",
        "{\"general\":{\"supervised\":\"maybe\"}}",
        "{\"general\":{\"supervised\":{}}}",
        "{\"groupMemberships\":[\"All Managed Clients\"]}",
        "{\"groupMemberships\":\"All Managed Clients\"}",
        "\"Mac-1\"",
        "[{\"id\":\"1\"}]",
        "17",
      })
  void wrongTypesAreAProtocolErrorNamingTheMember(String computer) {
    assertThatThrownBy(() -> jackson.read(page(FULL, computer), OP, 4))
        .isInstanceOf(JamfProtocolException.class);
    assertThatThrownBy(() -> fast.read(page(FULL, computer), OP, 4))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageStartingWith("Jamf Pro's answer to " + OP + " could not be read: page 4")
        .hasMessageContaining("unexpected shape")
        .hasMessageContaining("[1]"); // the second result
  }

  @Test
  void theMessageNamesTheMemberThatHasTheWrongType() {
    assertThatThrownBy(() -> fast.read(page("{\"general\":{\"name\":{\"first\":\"Mac\"}}}"), OP, 2))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageContaining("page 2 has an unexpected shape")
        .hasMessageContaining("[0]")
        .hasMessageContaining("\"general\"")
        .hasMessageContaining("\"name\"");
  }

  @Test
  void aNullResultIsAProtocolErrorNotANullPointer() {
    for (PageReader<Computer> reader : List.of(fast, jackson)) {
      assertThatThrownBy(() -> reader.read(page(FULL, "null"), OP, 3))
          .isInstanceOf(JamfProtocolException.class)
          .hasMessageContaining("result 1 of page 3 is null");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"totalCount\":1,\"results\":[{\"id\":\"1\"},",
        "{\"totalCount\":1,\"results\":[{\"id\":\"1\" \"udid\":\"2\"}]}",
        "{\"totalCount\":1,\"results\":[{\"general\":{\"name\":\"x}]}",
      })
  void brokenJsonIsAProtocolError(String body) {
    assertThatThrownBy(() -> fast.read(body.getBytes(StandardCharsets.UTF_8), OP, 0))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageContaining("page 0 is not valid JSON");
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Primitives(int count, boolean flag, long big, double ratio, String name) {}

  @Test
  void primitivesDefaultWhenMissingOrNullAsWithJackson() {
    RecordReader<Primitives> reader = RecordReader.of(Primitives.class);
    PageReader<Primitives> records = PageReader.ofRecords(Primitives.class);
    PageReader<Primitives> plain = PageReader.of(Primitives.class);
    byte[] body =
        page(
            "{}",
            "{\"count\":null,\"flag\":null}",
            "{\"count\":3,\"flag\":true,\"big\":9,\"ratio\":0.5}");
    assertThat(records.read(body, OP, 0)).isEqualTo(plain.read(body, OP, 0));
    assertThat(records.read(body, OP, 0).results())
        .containsExactly(
            new Primitives(0, false, 0, 0, null),
            new Primitives(0, false, 0, 0, null),
            new Primitives(3, true, 9, 0.5, null));
    assertThat(reader.handledType()).isEqualTo(Primitives.class);
  }

  record NotTolerant(String id) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Renamed(@JsonProperty("identifier") String id) {}

  static final class NotARecord {}

  @Test
  void typesItCannotReadFaithfullyAreRefusedWhenTheReaderIsBuilt() {
    assertThatThrownBy(() -> RecordReader.of(NotARecord.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a record");
    assertThatThrownBy(() -> RecordReader.of(NotTolerant.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ignoreUnknown = true");
    assertThatThrownBy(() -> RecordReader.of(Renamed.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Renamed.id has a Jackson annotation")
        .hasMessageContaining("JsonProperty");
  }
}

package dev.jamfmcp.jamf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.jamfmcp.jamf.JamfProtocolException;
import dev.jamfmcp.jamf.Page;
import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.computers.ComputerGeneral;
import dev.jamfmcp.jamf.computers.ComputerGroupMembership;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The page reader the pager uses: a record in a page reads as Jackson reads it alone, whatever
 * surrounds it; the page's own members are found wherever they are; and every body that is not such
 * a page is a {@link JamfProtocolException} that says what is wrong and where.
 */
class PageReaderTest {

  static final String OP = "GET /api/v3/computers-inventory";
  final PageReader<Computer> reader = PageReader.of(Computer.class);

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] page(String... results) {
    return utf8(
        "{\n  \"totalCount\" : 1234,\n  \"results\" : [ " + String.join(", ", results) + " ]\n}");
  }

  /** A computer read by Jackson on its own, outside any page. */
  static Computer alone(String computer) {
    return Json.MAPPER.readValue(utf8(computer), Computer.class);
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
  void aFullComputerReadsWithTheSectionsItModels() {
    Page<Computer> page = reader.read(page(FULL), OP, 0);
    assertThat(page.totalCount()).isEqualTo(1234);
    assertThat(page.results()).containsExactly(alone(FULL));
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
                "2025-01-02T03:04:05Z",
                null,
                new ComputerGeneral.RemoteManagement(true),
                new ComputerGeneral.Site("-1", "None")));
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
        // escapes and UTF-8 of every length, in values and in names
        "{\"\\u0069d\":\"\\u00e9\\ud83d\\ude00\",\"udid\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"}",
        "{\"id\":\"é中😀\",\"é\":{\"a\":[true,false,null]}}",
      })
  void aComputerInAPageReadsAsJacksonReadsItAlone(String computer) {
    assertThat(reader.read(page(computer, FULL), OP, 0).results())
        .containsExactly(alone(computer), alone(FULL));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"totalCount\":2,\"results\":[{\"id\":\"7\"}]}",
        " \t\r\n{ \"totalCount\" : 2 , \"results\" : [ { \"id\" : \"7\" } ] } \n",
        "{\"results\":[{\"id\":\"7\"}],\"totalCount\":2}",
        "{\"totalCount\":2,\"totalCount\":1.5,\"results\":[{\"id\":\"7\"}]}",
        "{\"totalCount\":2,\"results\":{\"id\":\"1\"},\"results\":[{\"id\":\"7\"}]}",
        "{\"totalCount\":2,\"results\":[],\"results\":[{\"id\":\"7\"}]}",
        "{\"t\\u006ftalCount\":2,\"r\\u0065sults\":[{\"id\":\"7\"}]}",
        "{\"totalCount\":2,\"x\":[0,-0,0.5,-1.25e-3,1E+9,12e0,9223372036854775808],"
            + "\"results\":[{\"id\":\"7\"}]}",
        "{\"extra\":{\"results\":[1],\"totalCount\":3},\"totalCount\":2,\"results\":[{\"id\":\"7\"}]}",
      })
  void thePagesOwnMembersAreFoundAndTheRestSkipped(String body) {
    Page<Computer> page = reader.read(utf8(body), OP, 0);
    assertThat(page.totalCount()).isEqualTo(2);
    assertThat(page.results()).containsExactly(alone("{\"id\":\"7\"}"));
  }

  @Test
  void totalCountIsReadToItsLimitAndAnEmptyPageIsAPage() {
    assertThat(reader.read(utf8("{\"totalCount\":9223372036854775807,\"results\":[]}"), OP, 0))
        .isEqualTo(new Page<Computer>(Long.MAX_VALUE, List.of()));
    assertThat(reader.read(utf8("{\"totalCount\":0}"), OP, 0))
        .isEqualTo(new Page<Computer>(0, List.of()));
  }

  @Test
  void aByteOrderMarkIsSkippedAndOnlyTheGivenLengthIsRead() {
    byte[] text = utf8("\uFEFF{\"totalCount\":1,\"results\":[{\"id\":\"1\"}]}");
    byte[] padded = Arrays.copyOf(text, text.length + 100);
    Arrays.fill(padded, text.length, padded.length, (byte) '!');
    assertThat(reader.read(padded, text.length, OP, 0).results()).hasSize(1);
    assertThatThrownBy(() -> reader.read(padded, padded.length + 1, OP, 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> reader.read(padded, -1, OP, 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "[]", "\"page\"", "17", "null"})
  void aBodyThatIsNotAnObjectIsRefused(String body) {
    assertThatThrownBy(() -> reader.read(utf8(body), OP, 0))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageContaining("expected an object with totalCount and results");
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
  void wrongTypesAreAProtocolErrorNamingTheResult(String computer) {
    assertThatThrownBy(() -> reader.read(page(FULL, computer), OP, 4))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageStartingWith("Jamf Pro's answer to " + OP + " could not be read: page 4")
        .hasMessageContaining("unexpected shape")
        .hasMessageContaining("[1]"); // the second result
  }

  @Test
  void theMessageNamesTheMemberThatHasTheWrongType() {
    assertThatThrownBy(
            () -> reader.read(page("{\"general\":{\"name\":{\"first\":\"Mac\"}}}"), OP, 2))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageContaining("page 2 has an unexpected shape")
        .hasMessageContaining("[0]")
        .hasMessageContaining("\"general\"")
        .hasMessageContaining("\"name\"");
  }

  @Test
  void aNullResultIsAProtocolErrorNotANullPointer() {
    assertThatThrownBy(() -> reader.read(page(FULL, "null"), OP, 3))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageContaining("result 1 of page 3 is null");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<html><body>502 Bad Gateway</body></html>",
        "{\"totalCount\":1,\"results\":[]} trailing",
        "{\"totalCount\":1,\"results\":[]}}",
        "{\"totalCount\":1,\"results\":[]} {}",
        "{\"totalCount\":1,\"results\":[],}",
        "{\"totalCount\":1,\"results\":[{},]}",
        "{\"totalCount\":1,\"results\":[] \"x\":1}",
        "{\"totalCount\":1 \"results\":[]}",
        "{\"totalCount\" 1,\"results\":[]}",
        "{totalCount:1,\"results\":[]}",
        "{\"totalCount\":01,\"results\":[]}",
        "{\"totalCount\":+1,\"results\":[]}",
        "{\"totalCount\":1,\"x\":.5,\"results\":[]}",
        "{\"totalCount\":1,\"x\":1.,\"results\":[]}",
        "{\"totalCount\":1,\"x\":1e,\"results\":[]}",
        "{\"totalCount\":1,\"x\":-,\"results\":[]}",
        "{\"totalCount\":1,\"x\":NaN,\"results\":[]}",
        "{\"totalCount\":1,\"x\":tru,\"results\":[]}",
        "{\"totalCount\":1,\"x\":nulll,\"results\":[]}",
        "{\"totalCount\":1,\"x\":falsE,\"results\":[]}",
        "{\"totalCount\":1,\"x\":tru",
        "{\"totalCount\":1,\"x\":'a',\"results\":[]}",
        "{\"totalCount\":1,\"x\":\"a\\x\",\"results\":[]}",
        "{\"totalCount\":1,\"x\":\"a\\u12\",\"results\":[]}",
        "{\"totalCount\":1,\"x\":\"a\\",
        "{\"totalCount\":1,\"x\":\"a",
        "{\"totalCount\":1,\"x\":\"a\tb\",\"results\":[]}",
        "{\"totalCount\":1,\"\\ud800\":1,\"results\":[]}",
        "{\"totalCount\":99999999999999999999,\"results\":[]}",
        "{\"totalCount\":1,\"results\":[{\"id\":\"1\"}",
        "{\"totalCount\":1,\"results\":[{\"id\":\"1\"",
        "{\"totalCount\":1,\"results\":[{\"id\":\"1\" \"udid\":\"2\"}]}",
        "{\"totalCount\":1,\"results\":[{\"id\":}]}",
        "{\"totalCount\":1,\"results\":[{\"general\":{\"name\":\"x}]}",
        "{\"totalCount\":1,\"results\":[{\"general\":{\"supervised\":tru}}]}",
        "{\"totalCount\":1,\"results\":[{\"id\":\"a\\U0041b\"}]}",
        "{\"totalCount\":1,\"results\":[{\"id\":\"a\\'b\"}]}",
        "{\"totalCount\":1,\"results\":[{\"id\":\"a\u0001b\"}]}",
        "{\"totalCount\":1,\"results\":[nul]}",
        "{\"totalCount\":1,\"results\":[{\"groupMemberships\":[{},]}]}",
        "{\"totalCount\":1,\"results\":[{\"groupMemberships\":[{}}]}",
      })
  void malformedJsonIsAProtocolError(String body) {
    assertThatThrownBy(() -> reader.read(utf8(body), OP, 5))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageStartingWith("Jamf Pro's answer to " + OP + " could not be read: page 5 is not")
        .hasMessageContaining("valid JSON");
  }

  @Test
  void nestingDeeperThanJacksonAllowsIsRefused() {
    int depth = Json.MAPPER.tokenStreamFactory().streamReadConstraints().getMaxNestingDepth();
    String ok = "[".repeat(depth - 1) + "]".repeat(depth - 1);
    String tooDeep = "[".repeat(depth) + "]".repeat(depth);
    byte[] fine = utf8("{\"totalCount\":1,\"x\":" + ok + ",\"results\":[]}");
    assertThat(reader.read(fine, OP, 0)).isEqualTo(new Page<Computer>(1, List.of()));
    assertThatThrownBy(
            () ->
                reader.read(utf8("{\"totalCount\":1,\"x\":" + tooDeep + ",\"results\":[]}"), OP, 0))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageContaining("page 0 is not valid JSON")
        .hasMessageContaining("nesting depth");
  }

  @Test
  void aNumberLongerThanJacksonAllowsIsRefused() {
    int max = Json.MAPPER.tokenStreamFactory().streamReadConstraints().getMaxNumberLength();
    byte[] body = utf8("{\"totalCount\":1,\"x\":" + "1".repeat(max + 1) + ",\"results\":[]}");
    assertThatThrownBy(() -> reader.read(body, OP, 0))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageContaining("page 0 is not valid JSON")
        .hasMessageContaining("Number value length");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"totalCount\":-1,\"results\":[]}",
        "{\"totalCount\":\"5\",\"results\":[]}",
        "{\"totalCount\":null,\"results\":[]}",
        "{\"results\":[]}",
      })
  void aPageWithoutANonNegativeIntegerTotalCountIsRefused(String body) {
    assertThatThrownBy(() -> reader.read(utf8(body), OP, 0))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageContaining("the page has no totalCount");
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Primitives(int count, boolean flag, long big, double ratio, String name) {}

  @Test
  void primitivesDefaultWhenMissingOrNull() {
    byte[] body =
        page(
            "{}",
            "{\"count\":null,\"flag\":null}",
            "{\"count\":3,\"flag\":true,\"big\":9,\"ratio\":0.5}");
    assertThat(PageReader.of(Primitives.class).read(body, OP, 0).results())
        .containsExactly(
            new Primitives(0, false, 0, 0, null),
            new Primitives(0, false, 0, 0, null),
            new Primitives(3, true, 9, 0.5, null));
  }

  @Test
  void aRecordWhoseConstructorRefusesItsValuesIsAnUnexpectedShape() {
    PageReader<Checked> checked = PageReader.of(Checked.class);
    assertThatThrownBy(
            () -> checked.read(utf8("{\"totalCount\":1,\"results\":[{\"id\":\"\"}]}"), OP, 0))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageContaining("page 0 has an unexpected shape")
        .hasMessageContaining("blank id");
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Checked(String id) {
    Checked {
      if (id != null && id.isBlank()) {
        throw new IllegalArgumentException("blank id");
      }
    }
  }
}

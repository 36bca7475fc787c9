package dev.jamfmcp.tools.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.JamfToolsFixture;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import dev.jamfmcp.simulator.inventory.MobileDeviceContents;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * getMobileDeviceDetails end to end (issue #16): what its description promises, per device type
 * (iPhone, iPad, Apple TV), for unmanaged and lost devices, sections on request, no secret ever.
 */
class MobileDeviceDetailsEndToEndTest {
  static final String ALL =
      "[\"HARDWARE\",\"SECURITY\",\"USER_AND_LOCATION\",\"NETWORK\",\"PURCHASING\","
          + "\"APPLICATIONS\",\"CONFIGURATION_PROFILES\",\"CERTIFICATES\",\"EXTENSION_ATTRIBUTES\","
          + "\"GROUPS\"]";

  static JamfToolsFixture f;
  static Fleet fleet;
  static MobileDeviceContents contents;

  @BeforeAll
  static void start() {
    f = JamfToolsFixture.start();
    fleet = f.sim.fleet();
    contents = new MobileDeviceContents(fleet);
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @BeforeEach
  void clean() {
    f.sim.requestLog().clear();
  }

  static MobileDevice first(Predicate<MobileDevice> which) {
    return fleet.mobileDevices().stream().filter(which).findFirst().orElseThrow();
  }

  static JsonNode details(String identifier, String sections) {
    return f.data(
        "getMobileDeviceDetails",
        "{\"identifier\":\""
            + identifier
            + "\""
            + (sections == null ? "" : ",\"sections\":" + sections)
            + "}");
  }

  @Test
  void anIphoneByDefaultHasGeneralCountsHardwareSecurityAndUserInTwoRequests() {
    MobileDevice d =
        first(m -> !m.iPad() && !m.appleTv() && m.managed() && m.supervised() && m.siteId() > 0);
    JsonNode data = details("mobile:" + d.id(), null);
    assertThat(f.requests("GET /api/v2/mobile-devices")).isEqualTo(2);
    assertThat(data.get("id").asString()).isEqualTo(String.valueOf(d.id()));
    assertThat(data.get("ref").asString()).isEqualTo("mobile:" + d.id());
    assertThat(data.get("type").asString()).isEqualTo("ios");
    JsonNode g = data.get("general");
    assertThat(g.get("udid").asString()).isEqualTo(d.udid());
    assertThat(g.get("osVersion").asString()).isEqualTo(d.osVersion());
    assertThat(g.get("ipAddress").asString()).isEqualTo(d.ipAddress());
    assertThat(g.get("wifiMacAddress").asString()).isEqualTo(d.wifiMacAddress());
    assertThat(g.get("managed").booleanValue()).isTrue();
    assertThat(g.get("supervised").booleanValue()).isTrue();
    assertThat(g.get("enrollmentMethod").asString()).isEqualTo("Automated Device Enrollment");
    assertThat(g.get("site").asString()).isEqualTo(d.siteName());
    assertThat(g.get("lastContact").asString()).isNotEmpty();
    assertThat(g.get("lastInventoryUpdate").asString()).isNotEmpty();
    assertThat(data.at("/counts/applications").asInt()).isEqualTo(contents.apps(d).size());
    assertThat(data.at("/counts/configurationProfiles").asInt())
        .isEqualTo(contents.profiles(d).size());
    assertThat(data.at("/counts/certificates").asInt()).isEqualTo(contents.certificates(d).size());
    assertThat(data.at("/hardware/model").asString()).isEqualTo(d.model());
    assertThat(data.at("/hardware/capacityMb").asInt()).isEqualTo(d.capacityMb());
    assertThat(data.at("/hardware/batteryLevel").asInt()).isEqualTo(d.batteryLevel());
    assertThat(data.at("/security/passcodePresent").booleanValue()).isEqualTo(d.passcodePresent());
    assertThat(data.at("/security/dataProtected").booleanValue()).isEqualTo(d.passcodePresent());
    assertThat(data.at("/security/activationLockEnabled").booleanValue()).isTrue();
    assertThat(data.at("/security/lostModeEnabled").booleanValue()).isEqualTo(d.lostMode());
    assertThat(data.at("/userAndLocation/username").asString()).isEqualTo(d.username());
    assertThat(data.at("/userAndLocation/department").asString())
        .isEqualTo(fleet.departments().get(d.departmentId() - 1).name());
    // the lean default: lists and the rarer sections only on request
    assertThat(data.has("applications")).isFalse();
    assertThat(data.has("network")).isFalse();
    assertThat(data.has("purchasing")).isFalse();
  }

  @Test
  void sectionsOnRequestListAppsProfilesCertificatesNetworkAndPurchasing() {
    MobileDevice d = first(m -> !m.iPad() && !m.appleTv() && m.managed());
    JsonNode data = details(String.valueOf(d.id()), ALL);
    assertThat(data.get("applications")).hasSize(contents.apps(d).size());
    assertThat(data.at("/applications/0/name").asString()).isEqualTo("Safari");
    assertThat(data.get("configurationProfiles")).hasSize(contents.profiles(d).size());
    assertThat(data.get("certificates")).hasSize(contents.certificates(d).size());
    assertThat(data.at("/network/cellularTechnology").asString()).isEqualTo("GSM");
    assertThat(data.at("/network/currentCarrier").asString()).isEqualTo("AT&T");
    assertThat(data.at("/network/roaming").booleanValue()).isFalse();
    assertThat(data.at("/purchasing/vendor").asString()).isEqualTo("Apple");
    assertThat(data.get("extensionAttributes")).isNotEmpty();
    JsonNode only = details(d.serialNumber(), "[\"NETWORK\"]");
    assertThat(only.has("hardware")).isFalse();
    assertThat(only.has("security")).isFalse();
    assertThat(only.has("network")).isTrue();
  }

  @Test
  void anIpadHasNoCarrierAndALostIphoneSaysSo() {
    MobileDevice ipad = first(m -> m.iPad() && m.managed());
    JsonNode data = details("mobile:" + ipad.id(), "[\"NETWORK\",\"HARDWARE\"]");
    assertThat(data.at("/network/currentCarrier").isNull()).isTrue();
    assertThat(data.at("/network/phoneNumber").isNull()).isTrue();
    assertThat(data.at("/hardware/model").asString()).startsWith("iPad");
    MobileDevice lost = first(MobileDevice::lostMode);
    assertThat(details("mobile:" + lost.id(), null).at("/security/lostModeEnabled").booleanValue())
        .isTrue();
    MobileDevice open = first(m -> !m.appleTv() && !m.passcodePresent());
    JsonNode security = details("mobile:" + open.id(), null).get("security");
    assertThat(security.get("passcodePresent").booleanValue()).isFalse();
    assertThat(security.get("passcodeCompliant").booleanValue()).isFalse();
  }

  @Test
  void anAppleTvHasNoBatterySecurityOrNetworkAndSaysTvos() {
    MobileDevice tv = first(MobileDevice::appleTv);
    JsonNode data = details("mobile:" + tv.id(), ALL);
    assertThat(data.get("type").asString()).isEqualTo("tvos");
    assertThat(data.at("/hardware/model").asString()).startsWith("Apple TV");
    assertThat(data.at("/hardware/batteryLevel").isNull()).isTrue();
    assertThat(data.get("security").isNull()).isTrue();
    assertThat(data.get("network").isNull()).isTrue();
    assertThat(data.at("/general/supervised").booleanValue()).isTrue();
    assertThat(data.at("/userAndLocation/username").isNull()).isTrue();
    assertThat(data.get("applications")).hasSize(contents.apps(tv).size());
    assertThat(data.at("/counts/applications").asInt()).isEqualTo(contents.apps(tv).size());
  }

  @Test
  void anUnmanagedDeviceSaysSoWithoutProfilesOrMdmExpiry() {
    MobileDevice d = first(m -> !m.managed() && !m.appleTv());
    JsonNode data = details("mobile:" + d.id(), "[\"HARDWARE\"]");
    assertThat(data.at("/general/managed").booleanValue()).isFalse();
    assertThat(data.at("/general/mdmProfileExpiration").isNull()).isTrue();
    assertThat(data.at("/counts/configurationProfiles").asInt()).isZero();
    assertThat(data.at("/hardware/batteryHealth").asString()).isEqualTo("UNKNOWN");
    MobileDevice noSite = first(m -> m.siteId() == 0);
    assertThat(details("mobile:" + noSite.id(), "[]").at("/general/site").isNull()).isTrue();
  }

  @Test
  void neverReturnsTheUnlockTokenBootstrapTokenOrAirplayPassword() {
    MobileDevice withToken = first(m -> m.unlockToken() != null);
    String text = details("mobile:" + withToken.id(), ALL).toString();
    assertThat(text)
        .doesNotContain(withToken.unlockToken())
        .doesNotContain("c2VjcmV0LWJvb3RzdHJhcA==")
        .doesNotContainIgnoringCase("unlockToken")
        .doesNotContainIgnoringCase("bootstrapToken\"");
    MobileDevice tv = first(MobileDevice::appleTv);
    assertThat(details("mobile:" + tv.id(), ALL).toString())
        .doesNotContain("airplay-" + tv.id())
        .doesNotContainIgnoringCase("airplayPassword");
  }

  @Test
  void takesTheFormsOtherToolsPrintAndPointsAMacToTheMacTool() {
    MobileDevice d = fleet.mobileDevices().get(3);
    assertThat(details("MOBILE:" + d.id(), "[]").get("id").asString())
        .isEqualTo(String.valueOf(d.id()));
    assertThat(details(d.udid(), "[]").get("id").asString()).isEqualTo(String.valueOf(d.id()));
    assertThat(f.error("getMobileDeviceDetails", "{\"identifier\":\"computer:3\"}"))
        .contains("getDeviceDetails");
    assertThat(f.error("getDeviceDetails", "{\"identifier\":\"mobile:3\"}"))
        .contains("getMobileDeviceDetails");
    assertThat(f.data("getDeviceDetails", "{\"identifier\":\"computer:3\"}").get("id").asString())
        .isEqualTo("3");
  }
}

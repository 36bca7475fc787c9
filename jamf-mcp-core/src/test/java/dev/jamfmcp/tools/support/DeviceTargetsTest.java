package dev.jamfmcp.tools.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.approval.ApprovalTarget;
import dev.jamfmcp.mcp.testing.JamfToolsFixture;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The devices an approval page shows carry model and assigned user, read in the same requests that
 * resolve them (one over computers, one over mobile devices), on the simulator.
 */
class DeviceTargetsTest {
  static JamfToolsFixture f;

  @BeforeAll
  static void start() {
    f = JamfToolsFixture.start();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @Test
  void computersAndMobileDevicesCarryModelAndUserFromTheSameRequests() {
    Computers computers = f.sim.fleet().computers();
    MobileDevice mobile = f.sim.fleet().mobileDevices().get(2);
    f.sim.requestLog().clear();

    List<DeviceTargets.Device> devices =
        new DeviceTargets(f.jamf)
            .resolve(List.of("computer:" + computers.id(4), "mobile:" + mobile.id()))
            .requireAll();

    assertThat(f.requests("GET /api/v4/computers-inventory")).isEqualTo(1);
    assertThat(f.requests("GET /api/v2/mobile-devices/detail")).isEqualTo(1);
    ApprovalTarget computer = devices.get(0).approvalTarget();
    assertThat(computer.name()).isEqualTo(computers.name(4));
    assertThat(computer.model()).isEqualTo(computers.model(4).model());
    assertThat(computer.user())
        .isEqualTo(computers.realname(4) + " (" + computers.username(4) + ")");
    ApprovalTarget phone = devices.get(1).approvalTarget();
    assertThat(phone.name()).isEqualTo(mobile.name());
    assertThat(phone.model()).isEqualTo(mobile.model());
    assertThat(phone.user()).isEqualTo(mobile.realName() + " (" + mobile.username() + ")");
  }

  @Test
  void theUserIsWhicheverNameJamfHas() {
    assertThat(DeviceTargets.user("Ada Lovelace", "ada")).isEqualTo("Ada Lovelace (ada)");
    assertThat(DeviceTargets.user(null, "ada")).isEqualTo("ada");
    assertThat(DeviceTargets.user("Ada Lovelace", " ")).isEqualTo("Ada Lovelace");
    assertThat(DeviceTargets.user("ada", "ada")).isEqualTo("ada");
    assertThat(DeviceTargets.user("", null)).isNull();
  }
}

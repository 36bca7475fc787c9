package dev.jamfmcp.mcp.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SecondPersonPolicyTest {
  @Test
  void parsesToolsActionsAndADeviceCount() {
    SecondPersonPolicy policy =
        SecondPersonPolicy.parse(" tools=eraseDevice, lockDevice ; actions=Wipe; devices>10 ");
    assertThat(policy.tools()).containsExactlyInAnyOrder("eraseDevice", "lockDevice");
    assertThat(policy.actions()).containsExactly("wipe");
    assertThat(policy.maxDevices()).isEqualTo(10);
    assertThat(policy.requires(ApprovalsTest.erase("a", 1))).isTrue();
    SecondPersonPolicy byCount = SecondPersonPolicy.parse("devices>1");
    assertThat(byCount.requires(ApprovalsTest.erase("a", 1))).isFalse();
    assertThat(byCount.requires(ApprovalsTest.erase("a", 2))).isTrue();
    assertThat(SecondPersonPolicy.parse("actions=erase").requires(ApprovalsTest.erase("a", 1)))
        .isTrue();
  }

  @Test
  void blankMeansNoneAndNonsenseIsRefused() {
    assertThat(SecondPersonPolicy.parse(" ")).isEqualTo(SecondPersonPolicy.none());
    assertThat(SecondPersonPolicy.parse(null).requires(ApprovalsTest.erase("a", 500))).isFalse();
    for (String bad : new String[] {"tools=", "devices>x", "devices>-1", "everything", "tools"}) {
      assertThatThrownBy(() -> SecondPersonPolicy.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(new SecondPersonPolicy(Set.of(), Set.of("ERASE"), 3).actions())
        .containsExactly("erase");
  }
}

package dev.jamfmcp.jamf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.JamfToolsFixture;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The client's secret reads (FileVault key, device-lock PIN, LAPS, a mobile device's unlock token)
 * against the simulator: each reaches the right device's value. The tools that show them only on
 * the approval page are tested in {@code RevealSecretsTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class SecretOperationsOnSimulatorTest {
  private JamfToolsFixture fx;
  private Computers truth;

  @BeforeAll
  void start() {
    fx = JamfToolsFixture.start(b -> b.computers(60).mobileDevices(30));
    truth = fx.sim.fleet().computers();
  }

  @AfterAll
  void stop() {
    fx.close();
  }

  private int macWithFileVault() {
    return IntStream.range(0, truth.size())
        .filter(r -> truth.fileVault2Enabled(r) && truth.managementId(r) != null)
        .findFirst()
        .orElseThrow();
  }

  @Test
  @Covers({"Computers.fileVault(String)", "Computers.deviceLockPin(String)"})
  void fileVaultKeyAndLockPinArePerComputer() {
    int row = macWithFileVault();
    String id = Integer.toString(truth.id(row));
    JsonNode fileVault = fx.jamf.computers().fileVault(id);
    assertThat(fileVault.path("computerId").asString()).isEqualTo(id);
    String key = fileVault.path("personalRecoveryKey").asString();
    assertThat(key).isNotBlank();
    assertThat(fx.jamf.computers().fileVault(id).path("personalRecoveryKey").asString())
        .isEqualTo(key);
    String pin = fx.jamf.computers().deviceLockPin(id).path("pin").asString();
    assertThat(pin).matches("[0-9]{6}");

    int other =
        IntStream.range(row + 1, truth.size())
            .filter(r -> truth.fileVault2Enabled(r) && truth.managementId(r) != null)
            .findFirst()
            .orElseThrow();
    assertThat(
            fx.jamf
                .computers()
                .fileVault(Integer.toString(truth.id(other)))
                .path("personalRecoveryKey")
                .asString())
        .isNotEqualTo(key);
  }

  @Test
  @Covers({
    "Computers.lapsSettings()",
    "Computers.lapsAccounts(String)",
    "Computers.lapsPassword(String,String)"
  })
  void lapsSettingsAccountsAndPassword() {
    assertThat(fx.jamf.computers().lapsSettings().isObject()).isTrue();
    String managementId = truth.managementId(macWithFileVault());
    JsonNode accounts = fx.jamf.computers().lapsAccounts(managementId);
    String username = accounts.at("/results/0/username").asString();
    assertThat(username).isNotBlank();
    String password =
        fx.jamf.computers().lapsPassword(managementId, username).path("password").asString();
    assertThat(password).isNotBlank();
  }

  @Test
  @Covers("MobileDevices.unlockToken(String)")
  void theUnlockTokenIsTheOneJamfEscrowed() {
    MobileDevice withToken =
        fx.sim.fleet().mobileDevices().stream()
            .filter(d -> d.unlockToken() != null)
            .findFirst()
            .orElseThrow();
    assertThat(fx.jamf.mobileDevices().unlockToken(Integer.toString(withToken.id())))
        .isEqualTo(withToken.unlockToken());
    MobileDevice without =
        fx.sim.fleet().mobileDevices().stream()
            .filter(d -> d.unlockToken() == null)
            .findFirst()
            .orElseThrow();
    assertThat(fx.jamf.mobileDevices().unlockToken(Integer.toString(without.id()))).isNull();
  }
}

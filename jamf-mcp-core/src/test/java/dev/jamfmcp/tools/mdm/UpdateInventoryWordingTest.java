package dev.jamfmcp.tools.mdm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 18.7: the preview says what will happen, the result what was done. */
class UpdateInventoryWordingTest {
  @Test
  void thePreviewSaysNothingWasSentYet() {
    String preview = UpdateInventory.previewSummary(2, 1);
    assertThat(preview)
        .contains("2 Mac(s) get a blank push only")
        .contains("the blank push wakes")
        .doesNotContain("was sent")
        .doesNotContain("DEVICE_INFORMATION");
    assertThat(UpdateInventory.MAC_NOTE).contains("a blank push was sent");
  }
}

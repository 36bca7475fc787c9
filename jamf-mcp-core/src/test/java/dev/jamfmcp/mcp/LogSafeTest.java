package dev.jamfmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 19 V7: client-supplied text in log lines. */
class LogSafeTest {
  @Test
  void controlCharactersAreEscapedAndLongTextIsCut() {
    assertThat(LogSafe.escape("a\nb\rc\td\\e")).isEqualTo("a\\nb\\rc\\td\\\\e");
    assertThat(LogSafe.escape("\u0000\u001b\u007f\u0085\u2028"))
        .isEqualTo("\\u0000\\u001b\\u007f\\u0085\\u2028");
    assertThat(LogSafe.escape(null)).isNull();
    assertThat(LogSafe.quote("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    assertThat(LogSafe.escape("x".repeat(500))).startsWith("x".repeat(200) + "...(500 chars)");
    assertThat(LogSafe.escape("Grüße, 東京")).isEqualTo("Grüße, 東京");
  }
}

package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RequestLogTest {

  @Test
  void sessionNameIsTheStablePartOfASignedId() {
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"s\":\"abcdefghijklmnop\",\"t\":1}".getBytes(StandardCharsets.UTF_8));
    assertThat(RequestLog.sessionName("m1." + payload + ".mac")).isEqualTo("abcdefghij");
    assertThat(RequestLog.sessionName("plain-session-id-123")).isEqualTo("plain-sess");
    assertThat(RequestLog.sessionName(null)).isEqualTo("-");
  }
}

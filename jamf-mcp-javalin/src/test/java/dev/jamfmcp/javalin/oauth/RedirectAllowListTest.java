package dev.jamfmcp.javalin.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** V10: the allow-list compares parsed URIs, not string prefixes, at start-up and per request. */
class RedirectAllowListTest {
  private static final List<String> EVIL_ENTRIES =
      List.of(
          "http://localhost.evil.example/cb",
          "http://127.0.0.1@evil.example/cb",
          "http://127.0.0.1.evil.example/cb",
          "http://evil.example/cb",
          "https://user@chatgpt.com/cb",
          "https://chatgpt.com/cb?next=x",
          "https://chatgpt.com/cb#f",
          "https://chatgpt.com/*",
          "https://chatgpt.com/a/../b",
          "chatgpt.com/cb",
          "javascript:alert(1)");

  @Test
  void unsafeEntriesStopStartUp() {
    for (String entry : EVIL_ENTRIES) {
      assertThatThrownBy(() -> RedirectAllowList.requireValidEntry(entry))
          .as(entry)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(entry);
      assertThatThrownBy(() -> new RedirectAllowList(List.of(entry)))
          .as(entry)
          .isInstanceOf(IllegalArgumentException.class);
    }
    RedirectAllowList.requireValidEntry("http://localhost:{port}/callback");
    RedirectAllowList.requireValidEntry("http://[::1]:8080/callback");
    RedirectAllowList.DEFAULTS.forEach(RedirectAllowList::requireValidEntry);
  }

  @Test
  void candidatesAreComparedPartByPart() {
    RedirectAllowList list =
        new RedirectAllowList(
            List.of(
                "http://localhost:{port}/callback",
                "http://127.0.0.1:{port}/callback",
                "https://chatgpt.com/connector/oauth/{id}",
                "https://claude.ai/api/mcp/auth_callback"));
    for (String evil :
        List.of(
            "http://localhost.evil.example/callback",
            "http://localhost.evil.example:8080/callback",
            "http://127.0.0.1@evil.example/callback",
            "http://127.0.0.1:80@evil.example:8080/callback",
            "http://localhost:8080@evil.example/callback",
            "http://localhost/callback",
            "http://localhost:8080/callback/x",
            "http://localhost:8080/callback?x=1",
            "https://chatgpt.com/connector/oauth/a/b",
            "https://chatgpt.com/connector/oauth/..",
            "https://chatgpt.com/connector/oauth/%2e%2e",
            "https://chatgpt.com.evil.example/connector/oauth/a",
            "https://chatgpt.com:8443/connector/oauth/a",
            "http://chatgpt.com/connector/oauth/a",
            "https://claude.ai/api/mcp/auth_callback/",
            "https://claude.ai/api/mcp/auth_callback#x")) {
      assertThat(list.allows(evil)).as(evil).isFalse();
    }
    assertThat(list.allows("http://localhost:6274/callback")).isTrue();
    assertThat(list.allows("http://127.0.0.1:33418/callback")).isTrue();
    assertThat(list.allows("https://chatgpt.com/connector/oauth/c0nn-3_x")).isTrue();
    assertThat(list.allows("https://chatgpt.com:443/connector/oauth/c0nn")).isTrue();
    assertThat(list.allows("https://claude.ai/api/mcp/auth_callback")).isTrue();
  }
}

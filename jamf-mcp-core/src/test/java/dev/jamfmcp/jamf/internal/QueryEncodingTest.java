package dev.jamfmcp.jamf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class QueryEncodingTest {

  @Property(tries = 300)
  void anyFilterValueIsPercentEncodedAndDecodesBackExactly(@ForAll String filter) {
    String target = Endpoints.SCRIPTS.request().query("filter", filter).pathAndQuery();
    String encoded = target.substring("/api/v1/scripts?filter=".length());
    assertThat(encoded).matches("[A-Za-z0-9%._*-]*");
    assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8))
        .isEqualTo(filter.isEmpty() ? "" : decodeSafe(filter));
  }

  @Property(tries = 200)
  void pathValuesStayInsideTheirSegment(@ForAll String id) {
    net.jqwik.api.Assume.that(!id.isEmpty());
    String path = Endpoints.SCRIPT.request(id).path();
    String segment = path.substring("/api/v1/scripts/".length());
    assertThat(segment).doesNotContain("/", "?", "#", " ");
  }

  // Lone surrogates cannot be encoded as UTF-8; URLEncoder replaces them with '?'.
  private static String decodeSafe(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }
}

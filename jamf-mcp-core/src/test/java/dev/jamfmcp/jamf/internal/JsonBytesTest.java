package dev.jamfmcp.jamf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.jamf.JamfProtocolException;
import dev.jamfmcp.jamf.Page;
import dev.jamfmcp.jamf.computers.Computer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte-level page reader on the edges of JSON: what it accepts, and what it refuses. */
class JsonBytesTest {

  static final String OP = "GET /api/v3/computers-inventory";
  final PageReader<Computer> fast = PageReader.ofRecords(Computer.class);
  final PageReader<Computer> jackson = PageReader.of(Computer.class);

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"totalCount\":2,\"results\":[]}",
        " \t\r\n{ \"totalCount\" : 2 , \"results\" : [ ] } \n",
        "{\"results\":[{\"id\":\"1\"}],\"totalCount\":-0}",
        "{\"totalCount\":2,\"totalCount\":1.5,\"results\":[]}",
        "{\"totalCount\":2,\"results\":{\"id\":\"1\"}}",
        "{\"totalCount\":2,\"results\":[],\"results\":[{\"id\":\"7\"}]}",
        "{\"t\\u006ftalCount\":9,\"r\\u0065sults\":[{\"\\u0069d\":\"\\u00e9\\ud83d\\ude00\"}]}",
        "{\"totalCount\":2,\"x\":[0,-0,0.5,-1.25e-3,1E+9,12e0,9223372036854775808],\"results\":[]}",
        "{\"totalCount\":2,\"results\":[{\"id\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\uD800x\"}]}",
        "{\"totalCount\":2,\"results\":[{\"id\":\"é中😀\",\"\u00e9\":{\"a\":[true,false,null]}}]}",
        "{\"totalCount\":9223372036854775807,\"results\":[]}",
      })
  void validPagesReadAsJacksonReadsThem(String body) {
    Page<Computer> page = fast.read(utf8(body), OP, 0);
    assertThat(page).isEqualTo(jackson.read(utf8(body), OP, 0));
  }

  @Test
  void aByteOrderMarkIsSkippedAndOnlyTheGivenLengthIsRead() {
    byte[] text = utf8("\uFEFF{\"totalCount\":1,\"results\":[{\"id\":\"1\"}]}");
    byte[] padded = Arrays.copyOf(text, text.length + 100);
    Arrays.fill(padded, text.length, padded.length, (byte) '!');
    assertThat(fast.read(padded, text.length, OP, 0).results()).hasSize(1);
    assertThatThrownBy(() -> fast.read(padded, padded.length + 1, OP, 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "[]",
        "\"page\"",
        "17",
        "null",
      })
  void aBodyThatIsNotAnObjectIsRefusedAsBefore(String body) {
    for (PageReader<Computer> reader : new PageReader[] {fast, jackson}) {
      assertThatThrownBy(() -> reader.read(utf8(body), OP, 0))
          .isInstanceOf(JamfProtocolException.class)
          .hasMessageContaining("expected an object with totalCount and results");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<html><body>502 Bad Gateway</body></html>",
        "{\"totalCount\":1,\"results\":[]} trailing",
        "{\"totalCount\":1,\"results\":[]}}",
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
        "{\"totalCount\":1,\"x\":falsy,\"results\":[]}",
        "{\"totalCount\":1,\"x\":falsE,\"results\":[]}",
        "{\"totalCount\":1,\"x\":nuLl,\"results\":[]}",
        "{\"totalCount\":1,\"x\":tru",
        "{\"totalCount\":1,\"x\":fals",
        "{\"totalCount\":1,\"x\":n",
        "{\"totalCount\":1,\"x\":'a',\"results\":[]}",
        "{\"totalCount\":1,\"x\":\"a\\x\",\"results\":[]}",
        "{\"totalCount\":1,\"x\":\"a\\u12\",\"results\":[]}",
        "{\"totalCount\":1,\"x\":\"a\\",
        "{\"totalCount\":1,\"x\":\"a",
        "{\"totalCount\":1,\"x\":\"a\tb\",\"results\":[]}",
        "{\"totalCount\":1,\"\\ud800\":1,\"results\":[]}",
        "{\"totalCount\":1,\"\\udc00\\ud800\":1,\"results\":[]}",
        "{\"totalCount\":99999999999999999999,\"results\":[]}",
        "{\"totalCount\":1,\"results\":[{\"id\":\"1\"}",
        "{\"totalCount\":1,\"results\":[{\"id\":\"1\"",
        "{\"totalCount\":1,\"results\":[{\"id\":}]}",
        "{\"totalCount\":1,\"results\":[{\"general\":{\"supervised\":tru}}]}",
        "{\"totalCount\":1,\"results\":[{\"general\":{\"supervised\":fals}}]}",
        "{\"totalCount\":1,\"results\":[{\"id\":nul}]}",
        "{\"totalCount\":1,\"results\":[nul]}",
        "{\"totalCount\":1,\"results\":[{\"groupMemberships\":[{},]}]}",
        "{\"totalCount\":1,\"results\":[{\"groupMemberships\":[{}}]}",
        "{\"totalCount\":1,\"results\":[{\"groupMemberships\":[nul]}]}",
      })
  void malformedJsonIsRefused(String body) {
    assertThatThrownBy(() -> fast.read(utf8(body), OP, 5))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageStartingWith("Jamf Pro's answer to " + OP + " could not be read: page 5 is not")
        .hasMessageContaining("valid JSON");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "C0 AF", // overlong '/'
        "C1 BF",
        "E0 80 AF", // overlong
        "ED A0 80", // an encoded surrogate
        "F4 90 80 80", // past U+10FFFF
        "F5 80 80 80",
        "80",
        "BF",
        "C3",
        "E2 82",
        "E2 28 A1",
        "F0 9F 98",
        "FF",
      })
  void illFormedUtf8IsRefusedInValuesAndNames(String hex) {
    String[] parts = hex.split(" ");
    byte[] bad = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      bad[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    for (String template :
        new String[] {
          "{\"totalCount\":1,\"x\":\"a@b\",\"results\":[]}",
          "{\"totalCount\":1,\"a@b\":1,\"results\":[]}",
          "{\"totalCount\":1,\"results\":[{\"id\":\"@\"}]}"
        }) {
      byte[] t = utf8(template);
      int at = template.indexOf('@');
      byte[] body = new byte[t.length - 1 + bad.length];
      System.arraycopy(t, 0, body, 0, at);
      System.arraycopy(bad, 0, body, at, bad.length);
      System.arraycopy(t, at + 1, body, at + bad.length, t.length - at - 1);
      assertThatThrownBy(() -> fast.read(body, OP, 0))
          .isInstanceOf(JamfProtocolException.class)
          .hasMessageContaining("invalid UTF-8");
    }
  }

  @Test
  void nestingDeeperThanJacksonAllowsIsRefused() {
    int depth = Json.MAPPER.tokenStreamFactory().streamReadConstraints().getMaxNestingDepth();
    String ok = "[".repeat(depth - 1) + "]".repeat(depth - 1);
    String tooDeep = "[".repeat(depth) + "]".repeat(depth);
    byte[] fine = utf8("{\"totalCount\":1,\"x\":" + ok + ",\"results\":[]}");
    assertThat(fast.read(fine, OP, 0)).isEqualTo(jackson.read(fine, OP, 0));
    assertThatThrownBy(
            () -> fast.read(utf8("{\"totalCount\":1,\"x\":" + tooDeep + ",\"results\":[]}"), OP, 0))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageContaining("nesting deeper than " + depth);
  }

  @Test
  void aNumberLongerThanJacksonAllowsIsRefused() {
    int max = Json.MAPPER.tokenStreamFactory().streamReadConstraints().getMaxNumberLength();
    byte[] body = utf8("{\"totalCount\":1,\"x\":" + "1".repeat(max + 1) + ",\"results\":[]}");
    assertThatThrownBy(() -> fast.read(body, OP, 0))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageContaining("a number longer than");
  }

  @Test
  void aNegativeTotalCountIsNoTotalCount() {
    assertThatThrownBy(() -> fast.read(utf8("{\"totalCount\":-1,\"results\":[]}"), OP, 0))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageContaining("no totalCount");
  }

  @Test
  void aRecordWhoseConstructorRefusesItsValuesIsAnUnexpectedShape() {
    PageReader<Checked> reader = PageReader.ofRecords(Checked.class);
    assertThatThrownBy(
            () -> reader.read(utf8("{\"totalCount\":1,\"results\":[{\"id\":\"\"}]}"), OP, 0))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageContaining("unexpected shape")
        .hasMessageContaining("Checked refused its values: blank id");
  }

  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
  record Checked(String id) {
    Checked {
      if (id != null && id.isBlank()) {
        throw new IllegalArgumentException("blank id");
      }
    }
  }
}

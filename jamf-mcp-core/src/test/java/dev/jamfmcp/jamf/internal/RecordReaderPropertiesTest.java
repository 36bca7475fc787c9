package dev.jamfmcp.jamf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.jamf.JamfProtocolException;
import dev.jamfmcp.jamf.Page;
import dev.jamfmcp.jamf.computers.Computer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;

/**
 * The byte-level reader against Jackson's databind on random listing pages: random member order,
 * unknown members of every JSON type nested, escapes (all of them, {@code \\u} in both cases,
 * surrogate pairs and lone surrogates), raw UTF-8 of one to four bytes, numbers in every form,
 * whitespace variants, nulls, Jackson's coercions (numbers for strings, text for booleans, one
 * object for a list) and wrong types. The reader must give exactly Jackson's page, or refuse when
 * Jackson refuses; and a corrupted page must be refused unless it is still strict JSON that both
 * read the same.
 */
class RecordReaderPropertiesTest {

  static final String OP = "GET /api/v3/computers-inventory";
  static final PageReader<Computer> FAST = PageReader.ofRecords(Computer.class);
  static final PageReader<Computer> JACKSON = PageReader.of(Computer.class);

  /** The outcome of reading a page: the page, or that it was refused. */
  record Outcome(Page<Computer> page, JamfProtocolException refused) {
    static Outcome of(PageReader<Computer> reader, byte[] body) {
      try {
        return new Outcome(reader.read(body, OP, 0), null);
      } catch (JamfProtocolException e) {
        return new Outcome(null, e);
      }
    }
  }

  @Property(tries = 400)
  void randomPagesReadExactlyAsJacksonReadsThem(@ForAll long seed) {
    Gen gen = new Gen(new Random(seed), 0.03);
    byte[] body = gen.page().getBytes(StandardCharsets.UTF_8);
    Outcome jackson = Outcome.of(JACKSON, body);
    Outcome fast = Outcome.of(FAST, body);
    Statistics.collect(jackson.page() != null ? "read" : "refused by both");
    if (jackson.page() != null) {
      assertThat(fast.refused()).as("refused what Jackson reads").isNull();
      assertThat(fast.page()).isEqualTo(jackson.page());
    } else {
      assertThat(fast.refused()).as("read what Jackson refuses").isNotNull();
    }
  }

  @Property(tries = 100)
  void mostRandomPagesAreReadNotRefused(@ForAll long seed) {
    // Guards the property above against a generator that only makes pages both refuse.
    Gen gen = new Gen(new Random(seed), 0.0);
    byte[] body = gen.page().getBytes(StandardCharsets.UTF_8);
    Page<Computer> page = FAST.read(body, OP, 0);
    assertThat(page).isEqualTo(JACKSON.read(body, OP, 0));
  }

  @Property(tries = 1500)
  void corruptedPagesAreRefusedOrStillReadAsJacksonReadsThem(@ForAll long seed) {
    Random r = new Random(seed);
    Gen gen = new Gen(r, 0.0);
    byte[] body = corrupt(r, gen.page().getBytes(StandardCharsets.UTF_8));
    Outcome jackson = Outcome.of(JACKSON, body);
    Outcome fast = Outcome.of(FAST, body);
    if (fast.page() != null) {
      Statistics.collect("still valid");
      assertThat(strictJson(body)).as("read a page that is not strict JSON").isTrue();
      assertThat(fast.page()).isEqualTo(jackson.page());
    } else if (jackson.page() != null) {
      // Stricter than Jackson only where Jackson is lax: ill-formed UTF-8, or bytes after the page.
      Statistics.collect("refused, Jackson lax");
      assertThat(strictJson(body)).as("refused strict JSON that Jackson reads").isFalse();
    } else {
      Statistics.collect("refused by both");
    }
  }

  /** Valid UTF-8 and one JSON value with nothing after it, by Jackson's tree reader. */
  static boolean strictJson(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      return false;
    }
    try {
      Json.MAPPER
          .readerFor(Object.class)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .readValue(body);
      return true;
    } catch (JacksonException e) {
      return false;
    }
  }

  private static final byte[] NOISE = {
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    '"',
    '\\',
    '0',
    '1',
    '-',
    '+',
    'e',
    '.',
    ' ',
    '\n',
    'n',
    't',
    'u',
    'a',
    0,
    0x1F,
    0x7F,
    (byte) 0x80,
    (byte) 0xBF,
    (byte) 0xC0,
    (byte) 0xC3,
    (byte) 0xE2,
    (byte) 0xED,
    (byte) 0xF0,
    (byte) 0xF4,
    (byte) 0xF5,
    (byte) 0xFF
  };

  static byte[] corrupt(Random r, byte[] body) {
    byte[] out = body;
    int times = 1 + r.nextInt(2);
    for (int t = 0; t < times && out.length > 1; t++) {
      int at = r.nextInt(out.length);
      byte noise = NOISE[r.nextInt(NOISE.length)];
      switch (r.nextInt(5)) {
        case 0 -> { // replace a byte
          out = out.clone();
          out[at] = noise;
        }
        case 1 -> { // delete a byte
          byte[] shorter = new byte[out.length - 1];
          System.arraycopy(out, 0, shorter, 0, at);
          System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
          out = shorter;
        }
        case 2 -> { // insert a byte
          byte[] longer = new byte[out.length + 1];
          System.arraycopy(out, 0, longer, 0, at);
          longer[at] = noise;
          System.arraycopy(out, at, longer, at + 1, out.length - at);
          out = longer;
        }
        case 3 -> out = java.util.Arrays.copyOf(out, at); // truncate
        default -> { // a byte after the page
          out = java.util.Arrays.copyOf(out, out.length + 1);
          out[out.length - 1] = noise;
        }
      }
    }
    return out;
  }

  @Property(tries = 200)
  void aStringReadsAsJacksonDecodesIt(@ForAll long seed) {
    Gen gen = new Gen(new Random(seed), 0.0);
    String literal = gen.string(40);
    byte[] body =
        ("{\"totalCount\":1,\"results\":[{\"id\":" + literal + "}]}")
            .getBytes(StandardCharsets.UTF_8);
    String expected = Json.MAPPER.readValue(literal.getBytes(StandardCharsets.UTF_8), String.class);
    assertThat(FAST.read(body, OP, 0).results().get(0).id()).isEqualTo(expected);
  }

  @Property(tries = 200)
  void aMalformedStringIsRefused(@ForAll long seed) {
    Random r = new Random(seed);
    String[] bad = {
      "\\x", "\\u12", "\\u12G4", "\\ ", "\u0001", "\n", "\\U0041", "\\'", "\\0", "\t",
    };
    String body =
        "{\"totalCount\":1,\"results\":[{\"id\":\"a"
            + bad[r.nextInt(bad.length)]
            + "b\",\"udid\":\"u\"}]}";
    assertThatThrownBy(() -> FAST.read(body.getBytes(StandardCharsets.UTF_8), OP, 0))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageContaining("page 0 is not valid JSON");
  }

  /** Random listing pages as text. */
  static final class Gen {
    private final Random r;
    private final double wrongTypes;

    Gen(Random r, double wrongTypes) {
      this.r = r;
      this.wrongTypes = wrongTypes;
    }

    boolean chance(double p) {
      return r.nextDouble() < p;
    }

    String ws() {
      return switch (r.nextInt(8)) {
        case 0 -> " ";
        case 1 -> "\n  ";
        case 2 -> "\t";
        case 3 -> "\r\n    ";
        case 4 -> "  ";
        default -> "";
      };
    }

    String page() {
      List<String> members = new ArrayList<>();
      members.add(member("totalCount", totalCount()));
      if (chance(0.05)) {
        members.add(member("totalCount", totalCount())); // the last wins, as with Jackson
      }
      int n = r.nextInt(6);
      List<String> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        results.add(computer());
      }
      members.add(member("results", array(results)));
      for (int i = r.nextInt(3); i > 0; i--) {
        members.add(rawMember(unknownName(), anyValue(3)));
      }
      Collections.shuffle(members, r);
      return ws() + object(members) + ws();
    }

    String totalCount() {
      return switch (r.nextInt(10)) {
        case 0 -> "0";
        case 1 -> "-0";
        case 2 -> Long.toString(Long.MAX_VALUE);
        default -> Integer.toString(r.nextInt(200_000));
      };
    }

    String computer() {
      List<String> members = new ArrayList<>();
      maybe(members, "id", this::stringish);
      maybe(members, "udid", this::stringish);
      maybe(
          members,
          "general",
          () ->
              section(
                  "name",
                  "lastContactTime",
                  "reportDate",
                  "lastReportedIp",
                  "lastIpAddress",
                  "managementId",
                  "platform",
                  "assetTag",
                  "!supervised",
                  "lastEnrolledDate"));
      maybe(
          members,
          "hardware",
          () ->
              section(
                  "make",
                  "model",
                  "modelIdentifier",
                  "serialNumber",
                  "!appleSilicon",
                  "macAddress"));
      maybe(
          members,
          "operatingSystem",
          () -> section("name", "version", "build", "fileVault2Status"));
      maybe(
          members,
          "userAndLocation",
          () ->
              section(
                  "username",
                  "realname",
                  "email",
                  "position",
                  "departmentId",
                  "buildingId",
                  "room"));
      maybe(members, "groupMemberships", this::groups);
      maybe(
          members,
          "security",
          () ->
              section(
                  "sipStatus",
                  "gatekeeperStatus",
                  "!firewallEnabled",
                  "!activationLockEnabled",
                  "!recoveryLockEnabled",
                  "secureBootLevel"));
      maybe(
          members,
          "diskEncryption",
          () ->
              section(
                  "!fileVault2Enabled",
                  "individualRecoveryKeyValidityStatus",
                  "!institutionalRecoveryKeyPresent"));
      for (int i = r.nextInt(4); i > 0; i--) {
        members.add(rawMember(unknownName(), anyValue(3)));
      }
      Collections.shuffle(members, r);
      return object(members);
    }

    void maybe(List<String> members, String name, java.util.function.Supplier<String> value) {
      if (chance(0.7)) {
        members.add(member(name, chance(0.1) ? "null" : value.get()));
      }
    }

    /** An object with some of {@code names} (a leading '!' marks a boolean) and unknown ones. */
    String section(String... names) {
      if (chance(wrongTypes)) {
        return anyValue(2);
      }
      List<String> members = new ArrayList<>();
      for (String name : names) {
        if (chance(0.75)) {
          boolean bool = name.startsWith("!");
          String plain = bool ? name.substring(1) : name;
          members.add(member(plain, bool ? boolish() : stringish()));
        }
      }
      for (int i = r.nextInt(4); i > 0; i--) {
        members.add(rawMember(unknownName(), anyValue(3)));
      }
      Collections.shuffle(members, r);
      return object(members);
    }

    String groups() {
      if (chance(0.05)) {
        return section("groupId", "groupName", "!smartGroup"); // one object as a list of one
      }
      List<String> items = new ArrayList<>();
      for (int i = r.nextInt(4); i > 0; i--) {
        items.add(chance(0.1) ? "null" : section("groupId", "groupName", "!smartGroup"));
      }
      return array(items);
    }

    String stringish() {
      if (chance(wrongTypes)) {
        return anyValue(1);
      }
      if (chance(0.05)) {
        return chance(0.5) ? number() : (chance(0.5) ? "true" : "false");
      }
      return chance(0.05) ? "null" : string(20);
    }

    String boolish() {
      if (chance(wrongTypes)) {
        return anyValue(1);
      }
      return switch (r.nextInt(12)) {
        case 0 -> "null";
        case 1 -> "\"true\"";
        case 2 -> "\"false\"";
        case 3 -> "\"\"";
        case 4 -> chance(0.5) ? "0" : "1";
        default -> chance(0.5) ? "true" : "false";
      };
    }

    String member(String name, String value) {
      return rawMember(quotedName(name), value);
    }

    String rawMember(String literal, String value) {
      return ws() + literal + ws() + ":" + ws() + value + ws();
    }

    /** A member name, sometimes with some of its letters written as escapes. */
    String quotedName(String name) {
      if (!chance(0.05)) {
        return "\"" + name + "\"";
      }
      StringBuilder out = new StringBuilder("\"");
      for (char c : name.toCharArray()) {
        out.append(chance(0.3) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
      return out.append('"').toString();
    }

    /** A member name nobody reads, as a literal: plain, or with any characters and escapes. */
    String unknownName() {
      return chance(0.7) ? "\"x" + Integer.toString(r.nextInt(1000), 36) + "\"" : name(12);
    }

    String object(List<String> members) {
      return "{" + (members.isEmpty() ? ws() : String.join(",", members)) + "}";
    }

    String array(List<String> items) {
      if (items.isEmpty()) {
        return "[" + ws() + "]";
      }
      List<String> spaced = new ArrayList<>();
      for (String item : items) {
        spaced.add(ws() + item + ws());
      }
      return "[" + String.join(",", spaced) + "]";
    }

    String anyValue(int depth) {
      int kinds = depth > 0 ? 8 : 6;
      switch (r.nextInt(kinds)) {
        case 0:
          return "null";
        case 1:
          return chance(0.5) ? "true" : "false";
        case 2:
        case 3:
          return number();
        case 4:
        case 5:
          return string(15);
        case 6:
          {
            List<String> members = new ArrayList<>();
            for (int i = r.nextInt(4); i > 0; i--) {
              String name = chance(0.5) ? name(8) : quotedName("name");
              members.add(rawMember(name, anyValue(depth - 1)));
            }
            return object(members);
          }
        default:
          {
            List<String> items = new ArrayList<>();
            for (int i = r.nextInt(4); i > 0; i--) {
              items.add(anyValue(depth - 1));
            }
            return array(items);
          }
      }
    }

    String number() {
      StringBuilder out = new StringBuilder();
      if (chance(0.3)) {
        out.append('-');
      }
      if (chance(0.2)) {
        out.append('0');
      } else {
        out.append(1 + r.nextInt(9));
        for (int i = r.nextInt(chance(0.05) ? 30 : 6); i > 0; i--) {
          out.append(r.nextInt(10));
        }
      }
      if (chance(0.3)) {
        out.append('.');
        for (int i = 1 + r.nextInt(5); i > 0; i--) {
          out.append(r.nextInt(10));
        }
      }
      if (chance(0.2)) {
        out.append(chance(0.5) ? 'e' : 'E');
        int sign = r.nextInt(3);
        out.append(sign == 0 ? "" : sign == 1 ? "+" : "-");
        out.append(r.nextInt(400));
      }
      return out.toString();
    }

    /**
     * A member name nobody reads. Jackson refuses a name with an unpaired surrogate escape (not a
     * value): only pages that may have wrong types get such names.
     */
    String name(int maxLength) {
      String name = string(maxLength);
      if (wrongTypes == 0) {
        return name.replaceAll("\\\\u[dD][89a-fA-F][0-9a-fA-F]{2}", "\\\\u0041");
      }
      return name;
    }

    /** A JSON string literal, quotes included, with every kind of character and escape. */
    String string(int maxLength) {
      StringBuilder out = new StringBuilder("\"");
      for (int i = r.nextInt(maxLength + 1); i > 0; i--) {
        switch (r.nextInt(16)) {
          case 0 -> out.append("\\\"");
          case 1 -> out.append("\\\\");
          case 2 -> out.append(chance(0.5) ? "\\/" : "/");
          case 3 -> out.append(new String[] {"\\b", "\\f", "\\n", "\\r", "\\t"}[r.nextInt(5)]);
          case 4 ->
              out.append(String.format(chance(0.5) ? "\\u%04x" : "\\u%04X", r.nextInt(0x10000)));
          case 5 -> out.append("\\uD83D\\uDE00"); // a surrogate pair
          case 6 -> out.append(chance(0.5) ? "é" : "中"); // two and three bytes of UTF-8
          case 7 -> out.appendCodePoint(0x10000 + r.nextInt(0x100000 - 0x10000)); // four bytes
          case 8 ->
              out.append((char) (0x80 + r.nextInt(0xD800 - 0x80))); // any BMP below surrogates
          case 9 -> out.append(String.format("\\u%04x", 0x0000 + r.nextInt(0x20))); // a control
          default -> {
            char c = (char) (0x20 + r.nextInt(0x5F));
            out.append(c == '"' || c == '\\' ? 'q' : c);
          }
        }
      }
      return out.append('"').toString();
    }
  }
}

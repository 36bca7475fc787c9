package dev.jamfmcp.jamf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.jamf.JamfProtocolException;
import dev.jamfmcp.jamf.Page;
import dev.jamfmcp.jamf.computers.Computer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.core.JacksonException;

/**
 * The page reader on random listing pages: random member order, unknown members of every JSON type
 * nested, escapes (all of them, {@code \\u} in both cases, surrogate pairs and lone surrogates),
 * raw UTF-8 of one to four bytes, numbers in every form, whitespace variants, nulls, Jackson's
 * coercions (numbers for strings, text for booleans, one object for a list) and wrong types. Every
 * result must be exactly the record Jackson reads from that result's text alone, and the page must
 * be refused when Jackson refuses one of its results.
 */
class PageReaderPropertiesTest {

  static final String OP = "GET /api/v3/computers-inventory";
  static final PageReader<Computer> READER = PageReader.of(Computer.class);

  /** What Jackson makes of one result's text on its own: the record, or null if it refuses it. */
  static Computer alone(String computer) {
    try {
      return Json.MAPPER.readValue(computer.getBytes(StandardCharsets.UTF_8), Computer.class);
    } catch (JacksonException e) {
      return null;
    }
  }

  @Property(tries = 400)
  void everyResultReadsAsJacksonReadsItAlone(@ForAll long seed) {
    Gen gen = new Gen(new Random(seed), 0.03);
    byte[] body = gen.page().getBytes(StandardCharsets.UTF_8);
    List<Computer> expected = new ArrayList<>();
    for (String computer : gen.results) {
      expected.add(alone(computer));
    }
    if (expected.contains(null)) {
      Statistics.collect("refused");
      assertThatThrownBy(() -> READER.read(body, OP, 0))
          .isInstanceOf(JamfProtocolException.class)
          .hasMessageContaining("page 0 has an unexpected shape");
    } else {
      Statistics.collect("read");
      assertThat(READER.read(body, OP, 0))
          .isEqualTo(new Page<>(Long.parseLong(gen.totalCount), expected));
    }
  }

  @Property(tries = 100)
  void pagesWithoutWrongTypesAreRead(@ForAll long seed) {
    // Guards the property above against a generator that only makes pages that are refused.
    Gen gen = new Gen(new Random(seed), 0.0);
    byte[] body = gen.page().getBytes(StandardCharsets.UTF_8);
    assertThat(READER.read(body, OP, 0).results()).hasSize(gen.results.size());
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

    /** The text of the results of the last page made, and its totalCount. */
    final List<String> results = new ArrayList<>();

    String totalCount;

    String page() {
      List<String> members = new ArrayList<>();
      totalCount = totalCount();
      members.add(member("totalCount", totalCount));
      int n = r.nextInt(6);
      results.clear();
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
     * value) as malformed JSON, so names have none.
     */
    String name(int maxLength) {
      return string(maxLength).replaceAll("\\\\u[dD][89a-fA-F][0-9a-fA-F]{2}", "\\\\u0041");
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

package dev.jamfmcp.jamf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.jamfmcp.jamf.JamfProtocolException;
import dev.jamfmcp.jamf.computers.Computer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The member headers {@link RecordReader} learns (the bytes from one value to the next) are taken
 * only where the input repeats them exactly: any other layout, order, name or break reads as
 * Jackson reads it, or is refused as before.
 */
class RecordReaderHeadersTest {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Item(String id, String name, Boolean on, Inner inner) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Inner(String a) {}

  static final String PRETTY =
      "{\n    \"id\" : \"1\",\n    \"extra\" : null,\n    \"name\" : \"n\",\n    \"on\" : true\n  }";

  /** Reads the JSON array {@code json} with {@code reader}, one record per element. */
  static <T> List<T> readAll(RecordReader<T> reader, String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    JsonBytes in = new JsonBytes(bytes, bytes.length);
    List<T> out = new ArrayList<>();
    if (in.beginArray()) {
      do {
        out.add(reader.read(in));
      } while (in.nextElement());
    }
    in.expectEnd();
    return out;
  }

  static List<Item> jackson(String json) {
    return Json.MAPPER.readValue(
        json, Json.MAPPER.getTypeFactory().constructCollectionType(List.class, Item.class));
  }

  static String array(String... items) {
    return "[ " + String.join(", ", items) + " ]";
  }

  @Test
  void theHeadersOfARepeatedLayoutAreLearnedOnceAndThenFollowed() {
    RecordReader<Item> reader = RecordReader.of(Item.class);
    String json = array(PRETTY, PRETTY.replace("\"1\"", "\"2\""), PRETTY.replace("\"n\"", "\"m\""));
    assertThat(readAll(reader, json)).isEqualTo(jackson(json));
    assertThat(reader.learnedHeaders())
        .containsExactly(
            "{\n    \"id\" : ",
            ",\n    \"extra\" : ",
            ",\n    \"name\" : ",
            ",\n    \"on\" : ",
            "\n  }");
    List<String> before = reader.learnedHeaders();
    assertThat(readAll(reader, json)).isEqualTo(jackson(json));
    assertThat(reader.learnedHeaders()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // another order, another layout, a member more or less, a longer or shorter name
        "{\n    \"name\" : \"n\",\n    \"id\" : \"1\",\n    \"extra\" : null,\n    \"on\" : true\n  }",
        "{\"id\":\"1\",\"extra\":null,\"name\":\"n\",\"on\":true}",
        "{\n    \"id\" : \"1\",\n    \"extra\" : null,\n    \"name\" : \"n\",\n    \"on\" : true,\n    \"more\" : 1\n  }",
        "{\n    \"id\" : \"1\",\n    \"extra\" : null,\n    \"name\" : \"n\"\n  }",
        "{\n    \"id\" : \"1\",\n    \"extras\" : null,\n    \"nam\" : \"n\",\n    \"on\" : true\n  }",
        "{\n    \"id\" : \"1\",\n    \"extra\" : null,\n    \"name\" : \"n\",\n    \"on\" : true\n   }",
        "{\n    \"id\" : \"1\",\n    \"ext\\u0072a\" : null,\n    \"n\\u0061me\" : \"x\",\n    \"on\" : true\n  }",
        // the same members, nested or repeated (the last wins)
        "{\n    \"id\" : \"1\",\n    \"extra\" : null,\n    \"name\" : \"n\",\n    \"name\" : \"o\"\n  }",
        "{\n    \"id\" : \"1\",\n    \"inner\" : {\n    \"id\" : \"1\",\n    \"a\" : \"b\"\n  }\n  }",
        "{ }",
        "{}",
        "{\n    \"id\" : \"1\"\n  }",
      })
  void anyOtherLayoutAfterALearnedOneReadsAsJacksonReadsIt(String item) {
    RecordReader<Item> reader = RecordReader.of(Item.class);
    String json = array(PRETTY, PRETTY, item, PRETTY, item, item);
    assertThat(readAll(reader, json)).isEqualTo(jackson(json));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // a learned header with one byte changed, cut short, or followed by a broken value
        "{\n    \"id\" : \"1\",\n    \"extra\" : null,\n    \"name\" \"n\",\n    \"on\" : true\n  }",
        "{\n    \"id\" : \"1\",\n    \"extra\" : null,\n    \"name : \"n\",\n    \"on\" : true\n  }",
        "{\n    \"id\" : \"1\",\n    \"extra\" : null\n    \"name\" : \"n\",\n    \"on\" : true\n  }",
        "{\n    \"id\" : \"1\",\n    \"extra\" : nul,\n    \"name\" : \"n\",\n    \"on\" : true\n  }",
        "{\n    \"id\" : \"1\",\n    \"extra\" : null,\n    \"name\" : \"n\",\n    \"on\" : tru\n  }",
        "{\n    \"id\" : \"1\",\n    \"extra\" : null,\n    \"name\" : \"n\",\n    \"on\" : true\n  ",
        "{\n    \"id\" : \"1\",\n    \"extra\" : null,\n    \"name\" : ",
        "{\n    \"id\" : \"1\",\n\u0001   \"extra\" : null,\n    \"name\" : \"n\",\n    \"on\" : true\n  }",
      })
  void aBrokenObjectAfterLearnedOnesIsRefused(String item) {
    RecordReader<Item> reader = RecordReader.of(Item.class);
    String json = array(PRETTY, PRETTY, item);
    assertThatThrownBy(() -> readAll(reader, json)).isInstanceOf(JsonBytes.Malformed.class);
    assertThatThrownBy(() -> jackson(json)).isInstanceOf(tools.jackson.core.JacksonException.class);
  }

  @Test
  void aBrokenComputerAfterLearnedOnesIsAProtocolError() {
    PageReader<Computer> fast = PageReader.ofRecords(Computer.class);
    String good = RecordReaderTest.FULL;
    String broken = good.replace("\"platform\" : \"Mac\"", "\"platform\" \"Mac\"");
    assertThat(broken).isNotEqualTo(good);
    assertThatThrownBy(
            () -> fast.read(RecordReaderTest.page(good, good, broken), RecordReaderTest.OP, 7))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageContaining("page 7 is not valid JSON");
  }

  @Test
  void longHeadersAndLongObjectsAreReadButNotLearned() {
    RecordReader<Item> reader = RecordReader.of(Item.class);
    String spaces = " ".repeat(300);
    String wide = "{\"id\" : \"1\"," + spaces + "\"name\" : \"w\"}";
    String many =
        "{"
            + IntStream.range(0, 400)
                .mapToObj(i -> "\"m" + i + "\" : " + i + ", ")
                .collect(Collectors.joining())
            + "\"id\" : \"9\", \"name\" : \"last\"}";
    String json = array(wide, wide, many, many, wide);
    assertThat(readAll(reader, json)).isEqualTo(jackson(json));
    List<String> learned = reader.learnedHeaders();
    assertThat(learned).allSatisfy(h -> assertThat(h.length()).isLessThanOrEqualTo(256));
    assertThat(learned).hasSizeLessThanOrEqualTo(257);
  }

  @Test
  void objectsNestedTooDeepAreRefusedEvenWhenTheirOpeningWasLearned() {
    int depth = Json.MAPPER.tokenStreamFactory().streamReadConstraints().getMaxNestingDepth();
    RecordReader<Item> reader = RecordReader.of(Item.class);
    // learn the opening of Inner at depth 3 (array, item, inner)
    String ok = "{ \"inner\" : { \"a\" : \"x\" } }";
    assertThat(readAll(reader, array(ok, ok))).hasSize(2);
    // the same bytes one level too deep: the learned opening of Inner must not bypass the limit
    byte[] bytes =
        ("[".repeat(depth - 1) + ok + "]".repeat(depth - 1)).getBytes(StandardCharsets.UTF_8);
    JsonBytes in = new JsonBytes(bytes, bytes.length);
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < depth - 1; i++) {
                in.beginArray();
              }
              reader.read(in);
            })
        .isInstanceOf(JsonBytes.Malformed.class)
        .hasMessageContaining("nesting deeper than " + depth);
  }

  @Test
  void threadsSharingTheLearnedHeadersReadTheSameRecords() throws Exception {
    RecordReader<Item> reader = RecordReader.of(Item.class);
    String other = "{\"name\":\"z\",\"id\":\"2\",\"on\":false}";
    List<String> pages = new ArrayList<>();
    for (int p = 0; p < 8; p++) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        items.add((i + p) % 3 == 0 ? other : PRETTY.replace("\"1\"", "\"" + i + "\""));
      }
      pages.add(array(items.toArray(String[]::new)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> same = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        for (String json : pages) {
          same.add(pool.submit(() -> readAll(reader, json).equals(jackson(json))));
        }
      }
      for (Future<Boolean> f : same) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

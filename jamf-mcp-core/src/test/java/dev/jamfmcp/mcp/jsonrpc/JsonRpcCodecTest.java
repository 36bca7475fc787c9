package dev.jamfmcp.mcp.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.ErrorResponse;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.Notification;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.Request;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class JsonRpcCodecTest {

  private static JsonRpcMessage single(String text) {
    Decoded decoded = JsonRpcCodec.decode(text);
    assertThat(decoded).isInstanceOf(Decoded.Single.class);
    Decoded.Item item = ((Decoded.Single) decoded).item();
    assertThat(item).isInstanceOf(Decoded.Valid.class);
    return ((Decoded.Valid) item).message();
  }

  private static ErrorResponse rejected(String text) {
    Decoded decoded = JsonRpcCodec.decode(text);
    assertThat(decoded).isInstanceOf(Decoded.Single.class);
    Decoded.Item item = ((Decoded.Single) decoded).item();
    assertThat(item).isInstanceOf(Decoded.Invalid.class);
    return ((Decoded.Invalid) item).reply();
  }

  @Test
  void decodesARequestWithStringId() {
    JsonRpcMessage message = single("{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"method\":\"ping\"}");
    assertThat(message).isInstanceOf(Request.class);
    Request request = (Request) message;
    assertThat(request.id().stringValue()).isEqualTo("a-1");
    assertThat(request.method()).isEqualTo("ping");
    assertThat(request.params().isEmpty()).isTrue();
  }

  @Test
  void echoesIntegerIdsExactlyEvenBeyondLong() {
    String big = "123456789012345678901234567890";
    Request request =
        (Request)
            single(
                "{\"jsonrpc\":\"2.0\",\"id\":" + big + ",\"method\":\"tools/list\",\"params\":{}}");
    String encoded = JsonRpcCodec.encode(new Response(request.id(), Json.object()));
    assertThat(encoded).contains("\"id\":" + big);
  }

  @Test
  void decodesNotificationsAndResponses() {
    assertThat(single("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
        .isInstanceOf(Notification.class);
    assertThat(single("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}")).isInstanceOf(Response.class);
    JsonRpcMessage error =
        single("{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-1,\"message\":\"no\"}}");
    assertThat(((ErrorResponse) error).error().message()).isEqualTo("no");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{",
        "{\"jsonrpc\":\"2.0\",",
        "not json",
        "{\"a\":1}}",
        "\"unterminated",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"x\"}"
      })
  void brokenJsonIsAParseErrorWithNullId(String text) {
    ErrorResponse reply = rejected(text);
    assertThat(reply.id()).isNull();
    assertThat(reply.error().code()).isEqualTo(ErrorCodes.PARSE_ERROR);
    assertThat(reply.error().message()).startsWith("Parse error").doesNotContain("at tools.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}",
        "[{\"jsonrpc\":\"2.0\",\"method\":\"n\"},{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":{}}]",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"t\":\"caf\u00e9 \u2603\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"t\":\"\\u00e9\"}}",
        "not json",
        "{\"a\":1}}",
        "{\n  \"jsonrpc\": \"2.0\",\n  \"id\": 1,\n  \"method\": oops\n}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"x\"}",
        "",
        "{\"jsonrpc\":\"2.0\",\"method\":\"x\"}"
      })
  void bytesDecodeExactlyAsTheirText(String text) {
    // ASCII bodies are parsed from the bytes, others through a checked String: same answer.
    assertThat(JsonRpcCodec.decode(text.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(JsonRpcCodec.decode(text));
  }

  @Test
  void emptyInputIsAParseError() {
    assertThat(rejected("").error().code()).isEqualTo(ErrorCodes.PARSE_ERROR);
    assertThat(rejected("   ").error().code()).isEqualTo(ErrorCodes.PARSE_ERROR);
  }

  @Test
  void invalidUtf8IsAParseError() {
    byte[] bytes = "{\"jsonrpc\":\"2.0\",\"method\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    bytes[20] = (byte) 0xC3; // a lead byte followed by a non-continuation byte
    Decoded decoded = JsonRpcCodec.decode(bytes);
    Decoded.Invalid invalid = (Decoded.Invalid) ((Decoded.Single) decoded).item();
    assertThat(invalid.reply().error().code()).isEqualTo(ErrorCodes.PARSE_ERROR);
    assertThat(invalid.reply().error().message()).contains("UTF-8");
  }

  @Test
  void nestingBeyondTheLimitIsAParseError() {
    String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 10) + "]".repeat(Json.MAX_NESTING_DEPTH + 10);
    ErrorResponse reply =
        rejected("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"a\":" + deep + "}}");
    assertThat(reply.error().code()).isEqualTo(ErrorCodes.PARSE_ERROR);
    assertThat(reply.error().message()).contains("nesting depth");
  }

  @Test
  void hugeNumbersAreAParseError() {
    ErrorResponse reply =
        rejected(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"n\":"
                + "9".repeat(5000)
                + "}}");
    assertThat(reply.error().code()).isEqualTo(ErrorCodes.PARSE_ERROR);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "42                                                          | ",
        "\"text\"                                                    | ",
        "null                                                        | ",
        "{\"id\":1,\"method\":\"x\"}                                 | 1",
        "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"x\"}             | 1",
        "{\"jsonrpc\":2.0,\"id\":\"q\",\"method\":\"x\"}             | \"q\"",
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"x\"}          | ",
        "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"x\"}           | ",
        "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"x\"}          | ",
        "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"x\"}            | ",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":5}                 | 3",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"\"}              | 3",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"x\",\"params\":7}| 3",
        "{\"jsonrpc\":\"2.0\",\"id\":3}                              | 3",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{},\"error\":{}}   | 3",
        "{\"jsonrpc\":\"2.0\",\"result\":{}}                         | ",
        "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":[1]}       | "
      })
  void structurallyInvalidMessagesAreInvalidRequests(String text, String expectedId) {
    ErrorResponse reply = rejected(text);
    assertThat(reply.error().code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
    assertThat(reply.error().message()).startsWith("Invalid Request");
    if (expectedId == null) {
      assertThat(reply.id()).isNull();
    } else {
      assertThat(reply.id()).isEqualTo(Json.mapper().readTree(expectedId));
    }
  }

  @Test
  void arrayParamsOnARequestAreInvalidParams() {
    ErrorResponse reply =
        rejected("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"x\",\"params\":[1]}");
    assertThat(reply.error().code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(reply.id().intValue()).isEqualTo(9);
  }

  @Test
  void anEmptyBatchIsOneInvalidRequest() {
    ErrorResponse reply = rejected("[]");
    assertThat(reply.error().code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
    assertThat(reply.id()).isNull();
  }

  @Test
  void batchElementsDecodeOnTheirOwn() {
    Decoded decoded =
        JsonRpcCodec.decode(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}, 5, {\"jsonrpc\":\"2.0\",\"method\":\"n\"}]");
    assertThat(decoded).isInstanceOf(Decoded.Batch.class);
    var items = ((Decoded.Batch) decoded).items();
    assertThat(items).hasSize(3);
    assertThat(items.get(0)).isInstanceOf(Decoded.Valid.class);
    assertThat(items.get(1)).isInstanceOf(Decoded.Invalid.class);
    assertThat(items.get(2)).isInstanceOf(Decoded.Valid.class);
  }

  @Test
  void encodesErrorsWithNullIdAndData() {
    String text =
        JsonRpcCodec.encode(
            new ErrorResponse(
                null, new JsonRpcError(-32602, "bad", Json.object().put("field", "x"))));
    JsonNode tree = Json.mapper().readTree(text);
    assertThat(tree.get("jsonrpc").stringValue()).isEqualTo("2.0");
    assertThat(tree.get("id").isNull()).isTrue();
    assertThat(tree.at("/error/code").intValue()).isEqualTo(-32602);
    assertThat(tree.at("/error/data/field").stringValue()).isEqualTo("x");
  }

  @Test
  void roundTripsEveryKindOfMessage() {
    for (String text :
        new String[] {
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\",\"params\":{\"x\":[1,2]}}",
          "{\"jsonrpc\":\"2.0\",\"method\":\"b\",\"params\":{\"y\":true}}",
          "{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"result\":{\"z\":null}}",
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-32000,\"message\":\"m\"}}"
        }) {
      assertThat(Json.mapper().readTree(JsonRpcCodec.encode(single(text))))
          .isEqualTo(Json.mapper().readTree(text));
    }
  }
}

package dev.jamfmcp.mcp.jsonrpc;

import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.ErrorResponse;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.Notification;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.Request;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.Response;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON-RPC 2.0 on Jackson. Decoding never throws: whatever arrives becomes either messages or the
 * error responses (-32700, -32600) that the peer must receive instead.
 */
public final class JsonRpcCodec {
  private static final String VERSION = "2.0";

  private JsonRpcCodec() {}

  /** Decodes UTF-8 bytes; invalid UTF-8 is a parse error, not a silently mangled string. */
  public static Decoded decode(byte[] utf8) {
    if (isAscii(utf8)) {
      // Nearly every message: ASCII is valid UTF-8 as it is, so the parser reads the bytes and
      // the copy into a checked String is skipped.
      return decode(() -> Json.mapper().readTree(utf8));
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8))
              .toString();
    } catch (CharacterCodingException e) {
      return parseError("Parse error: the message is not valid UTF-8");
    }
    return decode(text);
  }

  /** Decodes one frame of text: a message, or a batch of them. */
  public static Decoded decode(String text) {
    return decode(() -> Json.mapper().readTree(text));
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static Decoded decode(Supplier<JsonNode> parse) {
    JsonNode tree;
    try {
      tree = parse.get();
    } catch (StreamConstraintsException e) {
      return parseError(
          "Parse error: the message exceeds a limit (nesting depth at most "
              + Json.MAX_NESTING_DEPTH
              + ", numbers at most "
              + Json.MAX_NUMBER_LENGTH
              + " digits)");
    } catch (JacksonException e) {
      return parseError("Parse error: " + describe(e));
    }
    if (tree == null || tree.isMissingNode()) {
      return parseError("Parse error: the message is empty");
    }
    if (tree.isArray()) {
      if (tree.isEmpty()) {
        return new Decoded.Single(invalid(null, "Invalid Request: an empty batch"));
      }
      List<Decoded.Item> items = new ArrayList<>(tree.size());
      for (JsonNode element : tree) {
        items.add(toItem(element));
      }
      return new Decoded.Batch(items);
    }
    return new Decoded.Single(toItem(tree));
  }

  /** Turns one JSON value into a message, or into the error response that answers it. */
  public static Decoded.Item toItem(JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      return invalid(null, "Invalid Request: a message must be a JSON object");
    }
    JsonNode id = object.get("id");
    boolean hasId = object.has("id");
    if (!object.has("method") && !object.has("result") && object.get("error") != null) {
      // A peer's error is never answered, whatever its id: two peers answering each other's
      // errors would loop forever. (A null id is legal here: the peer could not read our id.)
      return new Decoded.Valid(
          new ErrorResponse(
              JsonRpcMessage.isValidId(id) ? id : null, readError(object.get("error"))));
    }
    if (hasId && !JsonRpcMessage.isValidId(id)) {
      return invalid(null, "Invalid Request: id must be a string or an integer");
    }
    JsonNode echoId = hasId ? id : null;
    JsonNode version = object.get("jsonrpc");
    if (version == null || !version.isString() || !VERSION.equals(version.stringValue())) {
      return invalid(echoId, "Invalid Request: jsonrpc must be \"2.0\"");
    }
    JsonNode method = object.get("method");
    if (method != null) {
      if (!method.isString() || method.stringValue().isEmpty()) {
        return invalid(echoId, "Invalid Request: method must be a non-empty string");
      }
      JsonNode params = object.get("params");
      if (params != null && !params.isObject() && !params.isArray()) {
        return invalid(echoId, "Invalid Request: params must be an object");
      }
      if (params != null && params.isArray()) {
        return hasId
            ? new Decoded.Invalid(
                new ErrorResponse(
                    id,
                    JsonRpcError.invalidParams(
                        "Invalid params: MCP methods take params as an object, not an array")))
            : invalid(null, "Invalid Request: params must be an object");
      }
      ObjectNode paramObject = (ObjectNode) params;
      return new Decoded.Valid(
          hasId
              ? new Request(id, method.stringValue(), paramObject)
              : new Notification(method.stringValue(), paramObject));
    }
    return toResponse(object, echoId);
  }

  private static Decoded.Item toResponse(ObjectNode object, JsonNode id) {
    boolean hasResult = object.has("result");
    JsonNode error = object.get("error");
    if (hasResult == (error != null)) {
      return invalid(
          id, "Invalid Request: a message needs a method, or exactly one of result and error");
    }
    if (id == null) {
      if (error != null) {
        // A peer's error about a message it could not read: legal, and answered by nothing.
        return new Decoded.Valid(new ErrorResponse(null, readError(error)));
      }
      return invalid(null, "Invalid Request: a response must carry the id of its request");
    }
    if (hasResult) {
      return new Decoded.Valid(new Response(id, object.get("result")));
    }
    return new Decoded.Valid(new ErrorResponse(id, readError(error)));
  }

  private static JsonRpcError readError(JsonNode error) {
    JsonNode code = error.get("code");
    JsonNode message = error.get("message");
    return new JsonRpcError(
        code != null && code.canConvertToInt() ? code.intValue() : ErrorCodes.INTERNAL_ERROR,
        message != null && message.isString() ? message.stringValue() : "",
        error.get("data"));
  }

  /** Encodes one message as compact JSON. */
  public static String encode(JsonRpcMessage message) {
    return Json.mapper().writeValueAsString(toTree(message));
  }

  /** Encodes the replies of a batch as one JSON array. */
  public static String encodeBatch(List<JsonRpcMessage> messages) {
    ArrayNode array = Json.mapper().createArrayNode();
    for (JsonRpcMessage message : messages) {
      array.add(toTree(message));
    }
    return Json.mapper().writeValueAsString(array);
  }

  /** The JSON tree of a message, as it goes on the wire. */
  public static ObjectNode toTree(JsonRpcMessage message) {
    ObjectNode node = Json.object().put("jsonrpc", VERSION);
    if (message instanceof Request r) {
      node.set("id", r.id());
      node.put("method", r.method());
      node.set("params", r.params());
    } else if (message instanceof Notification n) {
      node.put("method", n.method());
      if (!n.params().isEmpty()) {
        node.set("params", n.params());
      }
    } else if (message instanceof Response r) {
      node.set("id", r.id());
      node.set("result", r.result());
    } else if (message instanceof ErrorResponse e) {
      node.set("id", e.id() == null ? Json.nodes().nullNode() : e.id());
      ObjectNode error = node.putObject("error");
      error.put("code", e.error().code());
      error.put("message", e.error().message());
      if (e.error().data() != null) {
        error.set("data", e.error().data());
      }
    }
    return node;
  }

  private static Decoded parseError(String message) {
    return new Decoded.Single(
        new Decoded.Invalid(new ErrorResponse(null, JsonRpcError.parseError(message))));
  }

  private static Decoded.Invalid invalid(JsonNode id, String message) {
    return new Decoded.Invalid(new ErrorResponse(id, JsonRpcError.invalidRequest(message)));
  }

  /** Jackson's own first line says where the JSON broke; its source excerpt is left out. */
  private static String describe(JacksonException e) {
    String original = e.getOriginalMessage();
    if (original == null || original.isBlank()) {
      return "the message is not valid JSON";
    }
    String firstLine = original.lines().findFirst().orElse(original);
    var location = e.getLocation();
    String where =
        location == null || location.getLineNr() < 1
            ? ""
            : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    return truncate(firstLine, 200) + where;
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }
}

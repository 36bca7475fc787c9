package dev.jamfmcp.mcp.jsonrpc;

import java.util.List;

/**
 * What one frame of input decoded to. Each element of a batch decodes on its own: a broken element
 * becomes an {@link Invalid} item carrying the error reply it must get, and the rest still run.
 */
public sealed interface Decoded {

  /** One element of input. */
  sealed interface Item {}

  /** A well-formed message. */
  record Valid(JsonRpcMessage message) implements Item {}

  /** Input that is not a valid message, with the error response the peer must receive. */
  record Invalid(JsonRpcMessage.ErrorResponse reply) implements Item {}

  /** One message (or a broken one). */
  record Single(Item item) implements Decoded {}

  /** A non-empty JSON array of messages. */
  record Batch(List<Item> items) implements Decoded {
    public Batch {
      items = List.copyOf(items);
    }
  }
}

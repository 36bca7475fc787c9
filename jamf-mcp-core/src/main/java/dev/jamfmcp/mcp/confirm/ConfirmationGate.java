package dev.jamfmcp.mcp.confirm;

import dev.jamfmcp.mcp.ProtocolVersion;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Content;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one gate every destructive tool goes through. The first call of a write tool changes nothing:
 * the user sees a preview and must confirm, in the strongest way the client supports:
 *
 * <ol>
 *   <li>2026-07-28 clients that declare elicitation: an input-required result carrying an
 *       elicitation request; the retry carries the answer and the signed request state.
 *   <li>2025-06-18+ clients that declare elicitation: an {@code elicitation/create} request sent
 *       while the call waits.
 *   <li>Any other client: a normal result carrying a signed {@code confirmationToken} that the
 *       caller passes back unchanged with the same arguments.
 * </ol>
 *
 * There is no {@code confirm: true} shortcut: only a token this server signed, for this principal,
 * tool and exact arguments, unexpired and unused, or the user's own answer, opens it. "Unused" is
 * kept by a {@link ConsumedTokens} ledger (for tokens and 2026-07-28 request states alike): per
 * instance by default, across instances when they share one.
 */
public final class ConfirmationGate {
  /** The argument that carries a confirmation token back; write tools declare it. */
  public static final String TOKEN_ARGUMENT = "confirmationToken";

  private static final String INPUT_KEY = "confirm";

  private final ConfirmationTokens tokens;

  private ConfirmationGate(ConfirmationTokens tokens) {
    this.tokens = tokens;
  }

  /**
   * @param key the HMAC key shared by every instance (at least 32 bytes)
   * @param ttl how long a confirmation stays valid (default 5 minutes)
   */
  public static ConfirmationGate create(byte[] key, Duration ttl, Clock clock) {
    // The ledger must judge expiry on the gate's clock, or it could forget a live token.
    return create(key, ttl, clock, ConsumedTokens.inMemory(clock));
  }

  /**
   * @param consumed the ledger of used confirmations; single use holds across exactly the instances
   *     that share it. {@link ConsumedTokens#inMemory()} (the default) is this instance only, so
   *     behind several instances a token could be replayed on another one until it expires: give
   *     them all one shared ledger.
   */
  public static ConfirmationGate create(
      byte[] key, Duration ttl, Clock clock, ConsumedTokens consumed) {
    return new ConfirmationGate(new ConfirmationTokens(key, ttl, clock, consumed));
  }

  public static ConfirmationGate create(byte[] key) {
    return create(key, Duration.ofMinutes(5), Clock.systemUTC());
  }

  /** Either go ahead, or stop and return {@link Stop#result()} to the client instead. */
  public sealed interface Decision {
    /** The user confirmed this exact call. */
    record Proceed() implements Decision {}

    /** Not (yet) confirmed: return this result; nothing has been done. */
    record Stop(ToolResult result) implements Decision {}
  }

  /** The schema of the {@code confirmationToken} argument, for write tools' input schemas. */
  public static ObjectNode tokenArgumentSchema() {
    return Json.object()
        .put("type", "string")
        .put("maxLength", 2048)
        .put(
            "description",
            "Only when a previous call of this tool returned status confirmation_required: the"
                + " confirmationToken it returned, passed back unchanged with exactly the same other"
                + " arguments, after the user agreed. Never invent one.");
  }

  /**
   * Decides whether the call may run. {@code arguments} are the call's arguments as received (the
   * token, if any, among them).
   */
  public Decision check(String tool, ObjectNode arguments, Preview preview, RequestContext ctx)
      throws InterruptedException {
    ObjectNode bound = arguments.deepCopy();
    JsonNode token = bound.remove(TOKEN_ARGUMENT);
    String subject = ctx.principal().subject();
    if (token != null) {
      return redeem(token.asString(""), subject, tool, bound);
    }
    ProtocolVersion version = ctx.protocolVersion();
    boolean elicits = version.hasElicitation() && ctx.clientCapabilities().has("elicitation");
    if (version.isStateless()) {
      String state = ctx.requestState();
      if (state != null) {
        Decision redeemed = redeem(state, subject, tool, bound);
        return redeemed instanceof Decision.Proceed
            ? answered(ctx.inputResponses().path(INPUT_KEY), preview)
            : redeemed;
      }
      if (elicits) {
        ObjectNode requests = Json.object();
        ObjectNode request = requests.putObject(INPUT_KEY).put("method", "elicitation/create");
        request.set("params", elicitation(preview));
        String requestState = tokens.issue(subject, tool, bound).token();
        return new Decision.Stop(new ToolResult.InputRequired(requests, requestState));
      }
      return askForToken(subject, tool, bound, preview);
    }
    if (elicits) {
      return elicit(ctx, preview);
    }
    return askForToken(subject, tool, bound, preview);
  }

  private Decision redeem(String token, String subject, String tool, ObjectNode bound) {
    ConfirmationTokens.Refusal refusal = tokens.redeem(token, subject, tool, bound);
    if (refusal == null) {
      return new Decision.Proceed();
    }
    return new Decision.Stop(
        ToolResult.error(
            "Not confirmed: "
                + refusal.message
                + ". Nothing was done. Call the tool again without confirmationToken to get a new"
                + " preview, and ask the user to confirm it."));
  }

  private Decision elicit(RequestContext ctx, Preview preview) throws InterruptedException {
    try {
      JsonNode answer =
          ctx.requestFromClient("elicitation/create", elicitation(preview))
              .get(tokens.ttl().toMillis(), TimeUnit.MILLISECONDS);
      return answered(answer, preview);
    } catch (TimeoutException e) {
      return cancelled("No answer came within " + tokens.ttl().toMinutes() + " minutes");
    } catch (ExecutionException | CancellationException e) {
      return cancelled("The confirmation request failed");
    }
  }

  private static Decision answered(JsonNode answer, Preview preview) {
    String action = answer.path("action").asString("");
    if (!"accept".equals(action)) {
      return cancelled(
          "The user did not confirm (" + (action.isEmpty() ? "no answer" : action) + ")");
    }
    JsonNode content = answer.path("content");
    if (!content.path("confirm").asBoolean(false)) {
      return cancelled("The user did not tick the confirmation");
    }
    if (preview.typedPhrase() != null
        && !preview.typedPhrase().equals(content.path("phrase").asString("").trim())) {
      return cancelled("The typed confirmation did not match '" + preview.typedPhrase() + "'");
    }
    return new Decision.Proceed();
  }

  private static Decision cancelled(String why) {
    ObjectNode data =
        Json.object().put("status", "cancelled").put("message", why + "; nothing was done.");
    return new Decision.Stop(
        new ToolResult.Complete(List.of(Content.text(why + "; nothing was done.")), data, false));
  }

  private Decision askForToken(String subject, String tool, ObjectNode bound, Preview preview) {
    ConfirmationTokens.Issued issued = tokens.issue(subject, tool, bound);
    ObjectNode data = Json.object().put("status", "confirmation_required");
    ObjectNode confirmation =
        data.putObject("confirmation")
            .put("token", issued.token())
            .put("expiresAt", issued.expiresAt().toString())
            .put("action", preview.action())
            .put("summary", preview.summary())
            .put("irreversible", preview.irreversible());
    preview.targets().forEach(confirmation.putArray("targets")::add);
    String text =
        "Nothing has been done yet. "
            + preview.describe()
            + "\n\nShow this to the user and ask them to confirm. Only if they agree, call "
            + tool
            + " again with exactly the same arguments plus confirmationToken=\""
            + issued.token()
            + "\" (valid until "
            + issued.expiresAt()
            + ", once).";
    return new Decision.Stop(new ToolResult.Complete(List.of(Content.text(text)), data, false));
  }

  private static ObjectNode elicitation(Preview preview) {
    ObjectNode params = Json.object().put("message", preview.describe());
    ObjectNode schema = params.putObject("requestedSchema").put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    properties
        .putObject("confirm")
        .put("type", "boolean")
        .put("title", preview.action())
        .put("description", "Tick to confirm: " + preview.action());
    var required = schema.putArray("required").add("confirm");
    if (preview.typedPhrase() != null) {
      properties
          .putObject("phrase")
          .put("type", "string")
          .put("title", "Type " + preview.typedPhrase() + " to confirm");
      required.add("phrase");
    }
    return params;
  }

  /**
   * The output schema of a write tool: the gate's two answers (confirmation_required, cancelled)
   * plus the tool's own executed result, whose properties are given.
   */
  public static ObjectNode outputSchema(ObjectNode executedProperties) {
    ObjectNode schema = Json.object().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    properties
        .putObject("status")
        .putArray("enum")
        .add("confirmation_required")
        .add("cancelled")
        .add("executed");
    properties.putObject("message").put("type", "string");
    ObjectNode confirmation = properties.putObject("confirmation").put("type", "object");
    ObjectNode c = confirmation.putObject("properties");
    c.putObject("token").put("type", "string");
    c.putObject("expiresAt").put("type", "string");
    c.putObject("action").put("type", "string");
    c.putObject("summary").put("type", "string");
    c.putObject("irreversible").put("type", "boolean");
    c.putObject("targets").put("type", "array").putObject("items").put("type", "string");
    confirmation.putArray("required").add("token").add("expiresAt").add("action");
    executedProperties.properties().forEach(e -> properties.set(e.getKey(), e.getValue()));
    schema.putArray("required").add("status");
    return schema;
  }
}

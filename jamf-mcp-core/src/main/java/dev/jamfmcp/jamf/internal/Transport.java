package dev.jamfmcp.jamf.internal;

import dev.jamfmcp.jamf.Credentials;
import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Listing;
import dev.jamfmcp.jamf.Sort;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/**
 * What the typed operations talk to: runs a request through the layers, turns failures into {@link
 * JamfException}s and JSON into records. The layer chain is assembled here and nowhere else.
 */
public final class Transport {

  private static final Logger log = LoggerFactory.getLogger(Transport.class);

  private final ClientSettings settings;
  private final Layer.Next chain;
  private final ExecutorService pageExecutor;

  public Transport(ClientSettings settings, SharedResources shared) {
    this.settings = settings;
    this.pageExecutor = shared.pageExecutor();
    Clock clock = settings.clock();
    Layer.Next sender =
        new HttpSender(
            shared.http(),
            settings.baseUrl(),
            settings.requestTimeout(),
            settings.maxResponseBytes(),
            settings.userAgent(),
            clock,
            settings.requestListener(),
            shared.pageBuffers());
    LimitLayer limit = new LimitLayer(shared.permits(), clock);
    DeprecationLayer deprecation = new DeprecationLayer();
    // Token requests: limited like everything else, never retried (they are POSTs), bounded in
    // time.
    Layer tokenDeadline =
        (request, next) ->
            next.send(
                request.deadline() != null
                    ? request
                    : request.withDeadline(clock.instant().plus(settings.requestTimeout())));
    Layer.Next tokenChain = chain(sender, tokenDeadline, limit);
    TokenCache tokens =
        shared.tokenCache(
            settings.credentials(),
            clock,
            () -> new TokenCache(tokenSource(settings.credentials(), tokenChain, clock), clock));
    Backoff backoff =
        new Backoff(
            settings.retryBaseDelay(), settings.retryMaxDelay(), settings.maxRetryAfter(), clock);
    this.chain =
        chain(
            sender,
            new RetryLayer(
                settings.maxRetries(), settings.callTimeout(), backoff, clock, settings.sleeper()),
            new AuthLayer(tokens),
            limit,
            deprecation);
  }

  /** Wraps {@code bottom} in {@code layers}, the first being the outermost. */
  private static Layer.Next chain(Layer.Next bottom, Layer... layers) {
    Layer.Next next = bottom;
    for (int i = layers.length - 1; i >= 0; i--) {
      Layer layer = layers[i];
      Layer.Next inner = next;
      next = request -> layer.handle(request, inner);
    }
    return next;
  }

  private static TokenSource tokenSource(Credentials credentials, Layer.Next chain, Clock clock) {
    if (credentials instanceof Credentials.ApiClient apiClient) {
      return new ApiClientTokens(chain, apiClient, clock);
    }
    return new UserAccountTokens(chain, (Credentials.UserAccount) credentials, clock);
  }

  /** Sends {@code request}; any answer but 2xx becomes a {@link JamfException}. */
  public JamfResponse call(JamfRequest request) {
    JamfResponse response;
    try {
      response = chain.send(request);
    } catch (IOException e) {
      throw Errors.forFailure(e, request.operation(), settings.requestTimeout());
    }
    log.debug(
        "{} {} -> HTTP {} ({} bytes)",
        request.method(),
        request.path(),
        response.status(),
        response.length());
    if (!response.successful()) {
      throw Errors.forStatus(response, request.operation());
    }
    return response;
  }

  /** Sends a JSON request and reads the JSON answer as {@code type}. */
  public <T> T json(JamfRequest request, Class<T> type) {
    return json(request, Json.MAPPER.constructType(type));
  }

  public <T> T json(JamfRequest request, TypeReference<T> type) {
    return json(request, Json.MAPPER.constructType(type));
  }

  private <T> T json(JamfRequest request, JavaType type) {
    JamfResponse response = call(request.header("Accept", "application/json"));
    try {
      T value = Json.MAPPER.readValue(response.body(), type);
      if (value == null) {
        throw Errors.malformed(request.operation(), "the answer was empty", null);
      }
      return value;
    } catch (JacksonException e) {
      throw Errors.malformed(
          request.operation(),
          "expected JSON for "
              + type.getRawClass().getSimpleName()
              + " ("
              + e.getOriginalMessage()
              + ")",
          e);
    }
  }

  /**
   * Reads a Classic API JSON answer, which wraps the payload in one named member ({@code
   * {"policy":{...}}}), and returns that member as {@code type}.
   */
  public <T> T classic(JamfRequest request, String rootKey, TypeReference<T> type) {
    JsonNode root = json(request, JsonNode.class);
    JsonNode inner = root.get(rootKey);
    if (inner == null || inner.isNull()) {
      throw Errors.malformed(
          request.operation(), "no \"" + rootKey + "\" member in the answer", null);
    }
    try {
      return Json.MAPPER.convertValue(inner, Json.MAPPER.constructType(type));
    } catch (JacksonException | IllegalArgumentException e) {
      throw Errors.malformed(request.operation(), "unexpected shape of \"" + rootKey + "\"", e);
    }
  }

  /** Serialises {@code body} as the request's JSON payload. */
  public static JamfRequest withJsonBody(JamfRequest request, Object body) {
    return request.body(Json.MAPPER.writeValueAsBytes(body), "application/json");
  }

  /** A lazy listing of a {@code {totalCount, results}} endpoint, shaped by {@code query}. */
  public <T> Listing<T> list(JamfRequest base, ListQuery query, Class<T> itemType) {
    return list(base, query, PageReader.of(itemType));
  }

  private <T> Listing<T> list(JamfRequest base, ListQuery query, PageReader<T> reader) {
    JamfRequest request = base.header("Accept", "application/json");
    for (String section : query.sections()) {
      request = request.query("section", section);
    }
    if (query.filter() != null) {
      request = request.query("filter", query.filter().expression());
    }
    if (!query.sort().isEmpty()) {
      request =
          request.query(
              "sort", query.sort().stream().map(Sort::toString).collect(Collectors.joining(",")));
    }
    int pageSize = query.pageSize() > 0 ? query.pageSize() : settings.defaultPageSize();
    return new PagedListing<>(this, request, reader, pageSize, settings.maxConcurrentRequests());
  }

  ExecutorService pageExecutor() {
    return pageExecutor;
  }
}

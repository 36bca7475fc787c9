package dev.jamfmcp.jamf.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.jamfmcp.jamf.Credentials;
import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.JamfProVersion;
import dev.jamfmcp.jamf.JamfUnsupportedVersionException;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Listing;
import dev.jamfmcp.jamf.Rsql;
import dev.jamfmcp.jamf.Sort;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
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
  private final SharedResources shared;

  /**
   * The longest request URL the client sends. Tomcat (Jamf Pro's server) refuses request lines over
   * 8 KB by default and proxies in front of it may allow less; lists of values are split into
   * several requests to stay under this (see {@link #listAnyIn}).
   */
  public static final int MAX_URL_LENGTH = 4096;

  public Transport(ClientSettings settings, SharedResources shared) {
    this.settings = settings;
    this.shared = shared;
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
      throw Errors.forStatus(response, request.operation(), request.endpoint().privileges());
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
    return list(base, query, itemType, Map.of());
  }

  /**
   * As {@link #list(JamfRequest, ListQuery, Class)}, with filter and sort fields renamed for the
   * endpoint's generation ({@code renames}: caller's name to the endpoint's).
   */
  public <T> Listing<T> list(
      JamfRequest base, ListQuery query, Class<T> itemType, Map<String, String> renames) {
    return new PagedListing<>(
        this,
        listRequest(base, query, renames),
        PageReader.of(itemType),
        pageSize(query),
        settings.maxConcurrentRequests());
  }

  /**
   * Every result whose field is one of the given values, for any of the fields of {@code anyOf}
   * ({@code field=in=(...)} joined by OR, and by AND with the query's own filter), in as few
   * requests as keep each URL within {@link #MAX_URL_LENGTH}. A result matched in two requests is
   * returned once (by {@code key}); at most {@code limit} results.
   */
  public <T> List<T> listAnyIn(
      JamfRequest base,
      ListQuery query,
      Map<String, ? extends Collection<?>> anyOf,
      Class<T> itemType,
      Map<String, String> renames,
      Function<T, String> key,
      int limit) {
    List<Map.Entry<String, Object>> pairs = new ArrayList<>();
    anyOf.forEach(
        (field, values) ->
            new LinkedHashSet<>(values).forEach(v -> pairs.add(Map.entry(field, v))));
    Map<String, T> found = new LinkedHashMap<>();
    int start = 0;
    while (start < pairs.size() && found.size() < limit) {
      int end = start + 1;
      // Grow the batch while its URL still fits (at most one page of results per value).
      while (end < pairs.size()
          && end - start < ListQuery.MAX_PAGE_SIZE
          && urlLength(base, batch(query, pairs.subList(start, end + 1)), renames)
              <= MAX_URL_LENGTH) {
        end++;
      }
      ListQuery one = batch(query, pairs.subList(start, end));
      for (T item : list(base, one, itemType, renames).first(limit - found.size())) {
        found.putIfAbsent(key.apply(item), item);
      }
      start = end;
    }
    return List.copyOf(found.values());
  }

  private ListQuery batch(ListQuery query, List<Map.Entry<String, Object>> pairs) {
    Map<String, List<Object>> byField = new LinkedHashMap<>();
    pairs.forEach(
        p -> byField.computeIfAbsent(p.getKey(), f -> new ArrayList<>()).add(p.getValue()));
    Rsql any = null;
    for (Map.Entry<String, List<Object>> e : byField.entrySet()) {
      Rsql in = Rsql.in(e.getKey(), e.getValue());
      any = any == null ? in : any.or(in);
    }
    Rsql filter = query.filter() == null ? any : query.filter().and(any);
    return query.withFilter(filter).withPageSize(ListQuery.MAX_PAGE_SIZE);
  }

  /** The length of the first page's URL for this query. */
  private int urlLength(JamfRequest base, ListQuery query, Map<String, String> renames) {
    JamfRequest first =
        listRequest(base, query, renames)
            .query("page", "0")
            .query("page-size", Integer.toString(pageSize(query)));
    return settings.baseUrl().toString().length() + first.pathAndQuery().length();
  }

  private int pageSize(ListQuery query) {
    return query.pageSize() > 0 ? query.pageSize() : settings.defaultPageSize();
  }

  private static JamfRequest listRequest(
      JamfRequest base, ListQuery query, Map<String, String> renames) {
    JamfRequest request = base.header("Accept", "application/json");
    for (String section : query.sections()) {
      request = request.query("section", section);
    }
    if (query.filter() != null) {
      request = request.query("filter", FieldRenames.filter(query.filter().expression(), renames));
    }
    if (!query.sort().isEmpty()) {
      request =
          request.query(
              "sort",
              query.sort().stream()
                  .map(s -> new Sort(FieldRenames.sortField(s.field(), renames), s.ascending()))
                  .map(Sort::toString)
                  .collect(Collectors.joining(",")));
    }
    return request;
  }

  /**
   * The server's Jamf Pro version, read once ({@code GET /api/v1/jamf-pro-version}) and shared with
   * the client's variants.
   */
  public JamfProVersion serverVersion() {
    return shared
        .serverVersion()
        .get(
            () ->
                JamfProVersion.parse(
                    json(Endpoints.JAMF_PRO_VERSION.request(), VersionBody.class).version()));
  }

  /**
   * {@code current} when the server is at least {@code since}, else {@code fallback}; refuses a
   * server older than {@link JamfProVersion#MINIMUM_SUPPORTED} without sending anything.
   */
  public Endpoint choose(Endpoint current, JamfProVersion since, Endpoint fallback) {
    JamfProVersion version = serverVersion();
    if (!version.isSupported()) {
      throw new JamfUnsupportedVersionException(version, current.toString());
    }
    return version.isAtLeast(since) ? current : fallback;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record VersionBody(String version) {}

  ExecutorService pageExecutor() {
    return pageExecutor;
  }
}

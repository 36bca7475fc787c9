package dev.jamfmcp.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jamfmcp.simulator.auth.Token;
import dev.jamfmcp.simulator.auth.TokenStore;
import dev.jamfmcp.simulator.faults.Faults;
import dev.jamfmcp.simulator.rsql.RsqlException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front: the JDK's {@link HttpServer} with one root handler doing, in order, fault
 * injection, routing (404/405), bearer-token checks (401), the route, and error mapping. The JDK
 * server was chosen over Javalin for exact control of status pages and streaming, and because
 * cutting a connection mid-body is a fault this server must be able to commit.
 */
public final class SimServer {
  private static final Logger LOG = LoggerFactory.getLogger(SimServer.class);

  static {
    // The JDK server leaves Nagle's algorithm on, so each small answer waited ~40 ms for the
    // client's delayed ACK (searchDevices on the demo: 48 ms, 7-9 ms without). The property is
    // read once, when the JVM's first HttpServer is created; an explicit setting is kept.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Router router;
  private final Faults faults;
  private final TokenStore tokens;
  private final RequestLog requestLog = new RequestLog();
  private volatile RequestHook hook = RequestHook.NONE;

  public SimServer(
      InetSocketAddress address, int threads, Router router, Faults faults, TokenStore tokens)
      throws IOException {
    this.router = router;
    this.faults = faults;
    this.tokens = tokens;
    this.server = HttpServer.create(address, 256);
    this.executor = Executors.newFixedThreadPool(threads, daemonThreads());
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  public void start() {
    server.start();
  }

  /**
   * Sets the test hook run inside each bearer-checked request; {@link RequestHook#NONE} clears it.
   */
  public void hook(RequestHook value) {
    hook = value;
  }

  /** The Jamf API requests received so far. */
  public RequestLog requestLog() {
    return requestLog;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public void stop() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange http) {
    Exchange ex;
    try {
      ex = new Exchange(http);
    } catch (Exchange.BadRequest e) {
      rawError(http, 400);
      return;
    }
    String path = ex.path();
    Optional<Router.Match> match = router.match(ex.method(), path);
    Area area = match.map(m -> m.route().area()).orElseGet(() -> areaOf(path));
    if (area != Area.ADMIN) {
      String query = http.getRequestURI().getRawQuery();
      requestLog.record(ex.method(), query == null ? path : path + "?" + query);
    }
    try {
      if (area != Area.ADMIN && injectFault(ex, path, area)) {
        return;
      }
      if (match.isEmpty()) {
        error(ex, area, router.pathExists(path) ? 405 : 404);
        return;
      }
      if (area == Area.PRO || area == Area.CLASSIC) {
        RequestHook h = hook;
        RequestHook.Seen seen =
            h == RequestHook.NONE ? null : new RequestHook.Seen(ex.method(), path, pageOf(ex));
        if (seen != null) {
          h.at(RequestHook.Point.BEFORE_TOKEN_CHECK, seen);
        }
        Optional<Token> token = tokens.validate(ex.header("Authorization"));
        if (token.isEmpty()) {
          error(ex, area, 401);
          return;
        }
        ex.token(token.get());
        if (seen != null) {
          h.at(RequestHook.Point.AFTER_TOKEN_CHECK, seen);
        }
      }
      ex.pathParams(match.get().pathParams());
      match.get().route().handler().handle(ex);
    } catch (Exchange.ConnectionAbort abort) {
      throw abort; // the JDK server closes a connection whose handler throws: that is the fault
    } catch (RsqlException e) {
      respondSafely(ex, () -> ApiErrors.cause(ex, 400, e.code(), e.parameter(), e.getMessage()));
    } catch (Exchange.BadRequest e) {
      respondSafely(ex, () -> badRequest(ex, area, e.getMessage()));
    } catch (NotFound e) {
      respondSafely(ex, () -> notFound(ex, area, e.getMessage()));
    } catch (IOException e) {
      LOG.debug("client went away during {} {}: {}", ex.method(), path, e.toString());
    } catch (Exception e) {
      LOG.warn("unexpected failure in {} {}", ex.method(), path, e);
      respondSafely(ex, () -> error(ex, area, 500));
    }
    http.close();
  }

  /** Applies the fault plan; true when the request has already been answered. */
  private boolean injectFault(Exchange ex, String path, Area area) throws Exception {
    Faults.Decision decision = faults.decide(path);
    if (decision.isNone()) {
      return false;
    }
    if (!decision.latency().isZero()) {
      Thread.sleep(decision.latency().toMillis());
    }
    if (decision.status() != 0) {
      if (decision.status() == 503) {
        ex.header("Retry-After", String.valueOf(decision.retryAfterSeconds()));
      }
      error(ex, area, decision.status());
      return true;
    }
    if (decision.reset()) {
      ex.abortMidBody();
    }
    return false;
  }

  private static void error(Exchange ex, Area area, int status) throws IOException {
    if (area == Area.CLASSIC) {
      ApiErrors.classicPage(ex, status);
    } else {
      ApiErrors.bare(ex, status);
    }
  }

  private static void badRequest(Exchange ex, Area area, String message) throws IOException {
    if (area == Area.CLASSIC) {
      ApiErrors.classicPage(ex, 400);
    } else {
      ApiErrors.cause(ex, 400, "INVALID_REQUEST", "body", message);
    }
  }

  private static void notFound(Exchange ex, Area area, String message) throws IOException {
    if (area == Area.CLASSIC) {
      ApiErrors.classicPage(ex, 404);
    } else {
      ApiErrors.notFound(ex, message);
    }
  }

  private interface Response {
    void send() throws IOException;
  }

  private static void respondSafely(Exchange ex, Response response) {
    if (ex.responded()) {
      return; // headers already went out; the truncated body is all the client gets
    }
    try {
      response.send();
    } catch (IOException e) {
      LOG.debug("could not send error response: {}", e.toString());
    }
  }

  private static int pageOf(Exchange ex) {
    try {
      String page = ex.query("page");
      return page == null ? -1 : Integer.parseInt(page.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Area areaOf(String path) {
    if (path.startsWith("/JSSResource")) {
      return Area.CLASSIC;
    }
    return path.startsWith("/__sim") ? Area.ADMIN : Area.PRO;
  }

  private static void rawError(HttpExchange http, int status) {
    try {
      http.sendResponseHeaders(status, -1);
    } catch (IOException ignored) {
      // nothing more can be done for this client
    } finally {
      http.close();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger counter = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "jamf-sim-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}

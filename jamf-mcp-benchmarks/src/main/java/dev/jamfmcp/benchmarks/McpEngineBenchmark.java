package dev.jamfmcp.benchmarks;

import dev.jamfmcp.mcp.Caller;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.McpSession;
import dev.jamfmcp.mcp.MessageSink;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.Decoded;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcCodec;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The MCP engine's hot path: a {@code tools/call} of a trivial {@code echo} tool through {@link
 * McpSession#handleText} (decode, dispatch, schema validation of the arguments, the handler,
 * output-schema check, encode), plus its parts on their own and {@code tools/list}.
 *
 * <pre>java -jar jamf-mcp-benchmarks/target/benchmarks.jar McpEngineBenchmark</pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class McpEngineBenchmark {
  static final String INITIALIZE =
      """
      {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25",\
      "capabilities":{},"clientInfo":{"name":"jmh","version":"1"}}}""";
  static final String INITIALIZED =
      """
      {"jsonrpc":"2.0","method":"notifications/initialized"}""";
  static final String CALL_ECHO =
      """
      {"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"echo",\
      "arguments":{"text":"Hello from the benchmark, with a few more words in it."}}}""";
  static final String LIST_TOOLS =
      """
      {"jsonrpc":"2.0","id":43,"method":"tools/list","params":{}}""";

  static final Caller CALLER = new Caller(Principal.of("local", "read:jamf"), MessageSink.DISCARD);

  static Tool echo() {
    return Tool.builder("echo")
        .description("Returns the text it is given, and its length.")
        .inputSchema(
            """
            {"type":"object","properties":{"text":{"type":"string"}},
             "required":["text"],"additionalProperties":false}""")
        .outputSchema(
            """
            {"type":"object","properties":{"text":{"type":"string"},"length":{"type":"integer"}},
             "required":["text","length"]}""")
        .annotations(new ToolAnnotations(true, false, true, false))
        .handler(
            (arguments, context) -> {
              String text = arguments.get("text").stringValue();
              return ToolResult.structured(
                  Json.object().put("text", text).put("length", text.length()));
            })
        .build();
  }

  /** An initialized session; {@code handlers} picks the engine's default pool or the caller. */
  @State(Scope.Thread)
  public static class Session {
    /** pool: the default handler pool (a thread hop); inline: runs on the calling thread. */
    @Param({"pool", "inline"})
    public String handlers;

    McpServer server;
    McpSession session;

    @Setup(Level.Trial)
    public void start() {
      server =
          McpServer.create(
              config -> {
                config.serverInfo(Implementation.of("jmh", "1")).tool(echo());
                if (handlers.equals("inline")) {
                  config.executor(new InlineExecutor());
                }
              });
      session = server.newSession();
      expect(session.handleText(INITIALIZE, CALLER).join(), "\"protocolVersion\"");
      session.handleText(INITIALIZED, CALLER).join();
      expect(session.handleText(CALL_ECHO, CALLER).join(), "\"structuredContent\"");
      expect(session.handleText(LIST_TOOLS, CALLER).join(), "\"outputSchema\"");
    }

    @TearDown(Level.Trial)
    public void stop() {
      server.close();
    }
  }

  /** A decoded request and an encoded-ready response, for the codec on its own. */
  @State(Scope.Thread)
  public static class Codec {
    JsonRpcMessage response;

    @Setup(Level.Trial)
    public void prepare() {
      Session s = new Session();
      s.handlers = "inline";
      s.start();
      String reply = s.session.handleText(CALL_ECHO, CALLER).join().orElseThrow();
      s.stop();
      Decoded decoded = JsonRpcCodec.decode(reply);
      response = ((Decoded.Valid) ((Decoded.Single) decoded).item()).message();
      if (!(response instanceof JsonRpcMessage.Response)) {
        throw new IllegalStateException("not a response: " + reply);
      }
    }
  }

  @Benchmark
  public Optional<String> toolsCallRoundTrip(Session s) {
    return s.session.handleText(CALL_ECHO, CALLER).join();
  }

  @Benchmark
  public Optional<String> toolsListRoundTrip(Session s) {
    return s.session.handleText(LIST_TOOLS, CALLER).join();
  }

  @Benchmark
  public Decoded decodeToolsCall() {
    return JsonRpcCodec.decode(CALL_ECHO);
  }

  @Benchmark
  public String encodeToolsCallResult(Codec c) {
    return JsonRpcCodec.encode(c.response);
  }

  static void expect(Optional<String> reply, String needle) {
    String text = reply.orElseThrow(() -> new IllegalStateException("no reply"));
    if (!text.contains(needle) || text.contains("\"error\"")) {
      throw new IllegalStateException("unexpected reply: " + text);
    }
  }

  /** Runs handlers on the calling thread: the engine's own cost without a thread hop. */
  static final class InlineExecutor extends AbstractExecutorService {
    private volatile boolean shutdown;

    @Override
    public void execute(Runnable task) {
      task.run();
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutdown = true;
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }
}

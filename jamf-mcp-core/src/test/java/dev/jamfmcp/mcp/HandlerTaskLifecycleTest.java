package dev.jamfmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.InteropTools;
import dev.jamfmcp.mcp.tool.Tool;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * How the engine finishes a request that ran on the handler pool.
 *
 * <p>JSON-RPC only forbids reusing an id while its request is in flight. Once the client holds the
 * response, the id is free again. A transport writes the response from the reply future's
 * completion, so the id must already be released when that future completes.
 */
class HandlerTaskLifecycleTest {
  private static final Caller CALLER =
      new Caller(Principal.of("local", "read:jamf"), MessageSink.DISCARD);
  private static final String INIT =
      """
      {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
      "capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";
  private static final String CALL =
      """
      {"jsonrpc":"2.0","id":1,"method":"tools/call",\
      "params":{"name":"echo","arguments":{"text":"hi"}}}""";

  @Test
  void anIdIsFreeAgainOnceItsResponseIsOut() {
    ManualExecutor executor = new ManualExecutor();
    try (McpServer server =
        McpServer.create(
            config ->
                config
                    .serverInfo(Implementation.of("t", "1"))
                    .tools(InteropTools.all())
                    .executor(executor))) {
      McpSession session = server.newSession();
      session.handleText(INIT, CALLER).join();

      CompletableFuture<Optional<String>> first = session.handleText(CALL, CALLER);
      AtomicReference<CompletableFuture<Optional<String>>> second = new AtomicReference<>();
      // What a transport does: write the reply when it completes; the client answers at once.
      first.thenRun(() -> second.set(session.handleText(CALL, CALLER)));
      executor.runQueued();
      executor.runQueued();

      assertThat(first.join()).hasValueSatisfying(r -> assertThat(r).contains("\"result\""));
      assertThat(second.get()).isNotNull();
      assertThat(second.get().join())
          .hasValueSatisfying(
              reply ->
                  assertThat(reply)
                      .doesNotContain("already in progress")
                      .contains("\"result\"")
                      .contains("\"structuredContent\""));
    }
  }

  @Test
  void aHandlerThatThrowsAnErrorStillGetsAReply() {
    ManualExecutor executor = new ManualExecutor();
    Tool broken =
        Tool.builder("broken")
            .description("Fails with an Error, as a bug would.")
            .annotations(InteropTools.PURE)
            .handler(
                (arguments, context) -> {
                  throw new AssertionError("a bug in the tool");
                })
            .build();
    try (McpServer server =
        McpServer.create(
            config ->
                config.serverInfo(Implementation.of("t", "1")).tool(broken).executor(executor))) {
      McpSession session = server.newSession();
      session.handleText(INIT, CALLER).join();

      CompletableFuture<Optional<String>> reply =
          session.handleText(
              """
          {"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"broken"}}""",
              CALLER);
      executor.runQueued();

      // Deterministic: the task has run to its end, so the reply must be settled by now.
      assertThat(reply).isDone();
      assertThat(reply.join())
          .hasValueSatisfying(
              r -> assertThat(r).contains("\"id\":7").doesNotContain("a bug in the tool"));
    }
  }

  /** Runs submitted tasks only when told, on the calling thread: a deterministic handler pool. */
  static final class ManualExecutor extends AbstractExecutorService {
    private final Queue<Runnable> queue = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
      queue.add(task);
    }

    void runQueued() {
      Runnable task;
      while ((task = poll()) != null) {
        task.run();
      }
    }

    private synchronized Runnable poll() {
      return queue.poll();
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }
}

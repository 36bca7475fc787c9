package dev.jamfmcp.mcp.testing;

import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.LogLevel;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.prompt.Prompt;
import dev.jamfmcp.mcp.prompt.PromptArgument;
import dev.jamfmcp.mcp.prompt.PromptMessage;
import dev.jamfmcp.mcp.resource.Resource;
import dev.jamfmcp.mcp.resource.ResourceContents;
import dev.jamfmcp.mcp.resource.ResourceNotFoundException;
import dev.jamfmcp.mcp.resource.ResourceTemplate;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Tools, resources and prompts that exercise every path of the engine. */
public final class TestTools {
  /** Counts handler runs, so tests can prove a handler never ran. */
  public final AtomicInteger echoRuns = new AtomicInteger();

  public final AtomicInteger writeRuns = new AtomicInteger();
  public final CountDownLatch slowStarted = new CountDownLatch(1);
  public final CountDownLatch slowInterrupted = new CountDownLatch(1);

  public static final String ECHO_INPUT =
      """
      {"type":"object",
       "properties":{
         "text":{"type":"string","minLength":1,"maxLength":100},
         "times":{"type":"integer","minimum":1,"maximum":5}},
       "required":["text"],
       "additionalProperties":false}""";

  public static final String ECHO_OUTPUT =
      """
      {"type":"object","properties":{"echo":{"type":"string"}},"required":["echo"]}""";

  public Tool echo() {
    return Tool.builder("echo")
        .title("Echo")
        .description("Repeats text.")
        .inputSchema(ECHO_INPUT)
        .outputSchema(ECHO_OUTPUT)
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes("read:jamf")
        .handler(
            (args, ctx) -> {
              echoRuns.incrementAndGet();
              int times = args.has("times") ? args.get("times").intValue() : 1;
              return ToolResult.structured(
                  Json.object().put("echo", args.get("text").stringValue().repeat(times)));
            })
        .build();
  }

  public Tool write() {
    return Tool.builder("wipe")
        .description("Pretends to erase a device.")
        .inputSchema("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}")
        .annotations(ToolAnnotations.destructive(false))
        .requiredScopes("read:jamf", "write:jamf")
        .handler(
            (args, ctx) -> {
              writeRuns.incrementAndGet();
              return ToolResult.text("done");
            })
        .build();
  }

  public Tool progress() {
    return Tool.builder("count")
        .description("Counts to n with progress, sending one value out of order.")
        .inputSchema("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}")
        .annotations(ToolAnnotations.readOnly())
        .handler(
            (args, ctx) -> {
              int n = args.get("n").intValue();
              for (int i = 1; i <= n; i++) {
                ctx.progress(i, (double) n, "step " + i);
                ctx.progress(i - 1, (double) n, "stale");
                ctx.log(LogLevel.DEBUG, "count", Json.nodes().stringNode("debug " + i));
                ctx.log(LogLevel.WARNING, "count", Json.nodes().stringNode("warn " + i));
              }
              return ToolResult.text("counted to " + n);
            })
        .build();
  }

  public Tool slow() {
    return Tool.builder("slow")
        .description("Blocks until interrupted.")
        .annotations(ToolAnnotations.readOnly())
        .handler(
            (args, ctx) -> {
              slowStarted.countDown();
              try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(5));
              } catch (InterruptedException e) {
                slowInterrupted.countDown();
                throw e;
              }
              return ToolResult.text("woke up");
            })
        .build();
  }

  public Tool failing() {
    return Tool.builder("fail")
        .description("Fails: with a ToolException when asked, else with a bug.")
        .inputSchema("{\"type\":\"object\",\"properties\":{\"polite\":{\"type\":\"boolean\"}}}")
        .annotations(ToolAnnotations.readOnly())
        .handler(
            (args, ctx) -> {
              if (args.path("polite").asBoolean(false)) {
                throw new ToolException("Jamf Pro did not answer within 30 s; nothing was changed");
              }
              throw new IllegalStateException("secret internal detail at com.example.Hidden");
            })
        .build();
  }

  public Tool badOutput() {
    return Tool.builder("liar")
        .description("Returns output that breaks its own schema.")
        .outputSchema(ECHO_OUTPUT)
        .annotations(ToolAnnotations.readOnly())
        .handler((args, ctx) -> ToolResult.structured(Json.object().put("echo", 42)))
        .build();
  }

  public Resource overview() {
    return new Resource(
        "jamf://fleet/overview",
        "fleet-overview",
        "Fleet overview",
        "Counts by OS",
        "application/json",
        Set.of("read:jamf"),
        (uri, vars, ctx) -> List.of(new ResourceContents(uri, "application/json", "{\"n\":1}")));
  }

  public ResourceTemplate computer() {
    return new ResourceTemplate(
        "jamf://computers/{id}",
        "computer",
        "A computer",
        "One computer by id",
        "application/json",
        Set.of("read:jamf"),
        (uri, vars, ctx) -> {
          if (!vars.get("id").matches("\\d+")) {
            throw new ResourceNotFoundException("No computer with id " + vars.get("id"));
          }
          return List.of(
              new ResourceContents(uri, "application/json", "{\"id\":\"" + vars.get("id") + "\"}"));
        });
  }

  public Prompt troubleshoot() {
    return new Prompt(
        "troubleshoot-device",
        "Troubleshoot a device",
        "Walks through a device",
        List.of(
            new PromptArgument("device", "name or serial", true),
            new PromptArgument("symptom", "what is wrong", false)),
        (args, ctx) ->
            List.of(
                PromptMessage.user(
                    "Troubleshoot "
                        + args.get("device")
                        + (args.containsKey("symptom") ? ": " + args.get("symptom") : ""))));
  }

  /** A server with all of the above. */
  public McpServer server() {
    return server(config -> {});
  }

  public McpServer server(Consumer<McpServer.Config> extra) {
    return McpServer.create(
        config -> {
          config
              .serverInfo(new Implementation("test-server", "Test Server", "9.9"))
              .instructions("Use the echo tool.")
              .tools(List.of(echo(), write(), progress(), slow(), failing(), badOutput()))
              .resource(overview())
              .resourceTemplate(computer())
              .prompt(troubleshoot());
          extra.accept(config);
        });
  }
}

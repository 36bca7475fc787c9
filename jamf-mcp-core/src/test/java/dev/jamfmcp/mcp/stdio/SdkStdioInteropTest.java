package dev.jamfmcp.mcp.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The official MCP Java SDK client talks to our engine over real stdio: the SDK launches {@link
 * StdioTestServer} as a child JVM and speaks newline-delimited JSON-RPC on its pipes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES) // hang catcher only; a loaded machine is slow
class SdkStdioInteropTest {
  private static final Duration GENEROUS = Duration.ofSeconds(90);

  private final List<String> childStderr = new CopyOnWriteArrayList<>();
  private McpSyncClient client;
  private McpSchema.InitializeResult initialized;

  @BeforeAll
  void startChildAndInitialize() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ServerParameters params =
        ServerParameters.builder(java)
            .args(
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                StdioTestServer.class.getName())
            .build();
    StdioClientTransport transport = new StdioClientTransport(params, McpJsonDefaults.getMapper());
    transport.setStdErrorHandler(childStderr::add);
    client =
        McpClient.sync(transport)
            .clientInfo(new McpSchema.Implementation("sdk-interop-test", "1.0"))
            .requestTimeout(GENEROUS)
            .initializationTimeout(GENEROUS)
            .build();
    initialized = client.initialize();
  }

  @AfterAll
  void close() {
    if (client != null) {
      client.close();
    }
  }

  @Test
  @Order(1)
  void initializeNegotiatesTheClientsNewestVersionAndNamesTheServer() {
    assertThat(initialized.protocolVersion()).isEqualTo(ProtocolVersions.MCP_2025_11_25);
    assertThat(initialized.serverInfo().name()).isEqualTo(StdioTestServer.NAME);
    assertThat(initialized.serverInfo().version()).isEqualTo(StdioTestServer.VERSION);
    assertThat(initialized.instructions()).isEqualTo("Test server: echo and add.");
    assertThat(initialized.capabilities().tools()).isNotNull();
    assertThat(client.isInitialized()).isTrue();
  }

  @Test
  @Order(2)
  void listsToolsWithSchemasAndAllHints() {
    List<McpSchema.Tool> tools = client.listTools().tools();
    // The registry lists tools in a stable order: by name, not by registration.
    assertThat(tools).extracting(McpSchema.Tool::name).containsExactly("add", "echo");

    McpSchema.Tool echo = tools.get(1);
    assertThat(echo.title()).isEqualTo("Echo");
    assertThat(echo.description()).contains("Returns the text");
    assertThat(echo.inputSchema())
        .containsEntry("type", "object")
        .containsEntry("required", List.of("text"))
        .containsEntry("additionalProperties", false);
    assertThat(echo.inputSchema().get("properties"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsKey("text");
    assertThat(echo.outputSchema())
        .containsEntry("type", "object")
        .containsEntry("required", List.of("text", "length"));
    assertThat(echo.annotations().readOnlyHint()).isTrue();
    assertThat(echo.annotations().destructiveHint()).isFalse();
    assertThat(echo.annotations().idempotentHint()).isTrue();
    assertThat(echo.annotations().openWorldHint()).isFalse();
    assertThat(echo.annotations().title()).isEqualTo("Echo");

    McpSchema.Tool add = tools.get(0);
    assertThat(add.inputSchema()).containsEntry("required", List.of("a", "b"));
    assertThat(add.outputSchema()).containsEntry("required", List.of("sum"));
    assertThat(add.annotations().readOnlyHint()).isTrue();
  }

  @Test
  @Order(3)
  void echoReturnsTextAndMatchingStructuredContent() {
    CallToolResult result =
        client.callTool(new CallToolRequest("echo", Map.of("text", "héllo, wörld ✓")));
    assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(result.structuredContent())
        .isEqualTo(Map.of("text", "héllo, wörld ✓", "length", "héllo, wörld ✓".length()));
    assertThat(result.content())
        .singleElement()
        .isInstanceOfSatisfying(
            TextContent.class,
            text ->
                assertThat(text.text()).isEqualTo("{\"text\":\"héllo, wörld ✓\",\"length\":14}"));
  }

  @Test
  @Order(4)
  void addSumsNumbers() {
    CallToolResult result = client.callTool(new CallToolRequest("add", Map.of("a", 2, "b", 40.5)));
    assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(result.structuredContent())
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .hasSize(1)
        .hasEntrySatisfying("sum", sum -> assertThat(((Number) sum).doubleValue()).isEqualTo(42.5));
    assertThat(result.content())
        .hasSize(2)
        .first()
        .isInstanceOfSatisfying(
            TextContent.class, text -> assertThat(text.text()).isEqualTo("The sum is 42.5."));
  }

  @Test
  @Order(5)
  void invalidArgumentsAreAToolErrorNamingTheField() {
    CallToolResult missing = client.callTool(new CallToolRequest("echo", Map.of()));
    assertThat(missing.isError()).isTrue();
    assertThat(missing.structuredContent()).isNull();
    assertThat(textOf(missing)).contains("echo").contains("text").contains("Nothing was done");

    CallToolResult wrongType =
        client.callTool(new CallToolRequest("add", Map.of("a", "two", "b", 3)));
    assertThat(wrongType.isError()).isTrue();
    assertThat(textOf(wrongType)).contains("add").contains("a").contains("number");
  }

  @Test
  @Order(6)
  void unknownToolIsAProtocolError() {
    assertThatThrownBy(() -> client.callTool(new CallToolRequest("no_such_tool", Map.of())))
        .isInstanceOf(McpError.class)
        .hasMessageContaining("no_such_tool");
  }

  @Test
  @Order(7)
  void pingAnswersAndTheConnectionStillWorksAfterwards() {
    assertThat(client.ping()).isNotNull();
    assertThat(
            client
                .callTool(new CallToolRequest("echo", Map.of("text", "again")))
                .structuredContent())
        .isEqualTo(Map.of("text", "again", "length", 5));
  }

  @Test
  @Order(8)
  void childLogsWentToStderrNotStdout() {
    // If any of these had gone to stdout, the SDK would have choked on a non-JSON line instead.
    assertThat(childStderr).anySatisfy(line -> assertThat(line).contains(StdioTestServer.READY));
    assertThat(childStderr).anySatisfy(line -> assertThat(line).contains("stray print"));
  }

  @Test
  @Order(9)
  void closesGracefullyAndTheChildExits() throws Exception {
    List<ProcessHandle> children =
        ProcessHandle.current()
            .children()
            .filter(
                child ->
                    child.info().arguments().stream()
                        .flatMap(java.util.Arrays::stream)
                        .anyMatch(StdioTestServer.class.getName()::equals))
            .toList();
    assertThat(children).hasSize(1);

    assertThat(client.closeGracefully()).isTrue();
    client = null;
    children.get(0).onExit().get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
    assertThat(children.get(0).isAlive()).isFalse();
  }

  private static String textOf(CallToolResult result) {
    assertThat(result.content()).singleElement().isInstanceOf(TextContent.class);
    return ((TextContent) result.content().get(0)).text();
  }
}

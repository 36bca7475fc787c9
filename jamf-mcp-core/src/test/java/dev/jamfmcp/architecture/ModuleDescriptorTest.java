package dev.jamfmcp.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.networknt.schema.Schema;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Core's module-info: it exports exactly the API packages, and it resolves and runs as a named
 * module. The tests themselves run on the class path, so this test builds a module layer of its own
 * from core's classes and its runtime dependencies' jars (Jackson, slf4j, json-schema-validator)
 * and drives the Jamf tools through it against the simulated Jamf Pro: a missing {@code requires}
 * or {@code opens} fails here, not in a modular user's application.
 */
class ModuleDescriptorTest {

  /** The packages an embedder uses; everything else in core is internal. */
  private static final Set<String> API_PACKAGES =
      Set.of(
          "dev.jamfmcp.mcp",
          "dev.jamfmcp.mcp.approval",
          "dev.jamfmcp.mcp.audit",
          "dev.jamfmcp.mcp.cluster",
          "dev.jamfmcp.mcp.confirm",
          "dev.jamfmcp.mcp.http",
          "dev.jamfmcp.mcp.jsonrpc",
          "dev.jamfmcp.mcp.prompt",
          "dev.jamfmcp.mcp.resource",
          "dev.jamfmcp.mcp.stdio",
          "dev.jamfmcp.mcp.tool",
          "dev.jamfmcp.jamf",
          "dev.jamfmcp.jamf.computers",
          "dev.jamfmcp.jamf.groups",
          "dev.jamfmcp.jamf.inventory",
          "dev.jamfmcp.jamf.mdm",
          "dev.jamfmcp.jamf.mobile",
          "dev.jamfmcp.jamf.org",
          "dev.jamfmcp.jamf.patch",
          "dev.jamfmcp.jamf.policies",
          "dev.jamfmcp.jamf.profiles",
          "dev.jamfmcp.jamf.scripts",
          "dev.jamfmcp.jamf.updates",
          "dev.jamfmcp.tools");

  private static final Path CORE = PublicApi.locationOf(McpServer.class);

  @Test
  void exportsExactlyTheApiPackages() {
    assertThat(PublicApi.exportedPackages(PublicApi.descriptorAt(CORE)))
        .containsExactlyInAnyOrderElementsOf(API_PACKAGES);
    assertThat(PublicApi.descriptorAt(CORE).name()).isEqualTo("dev.jamfmcp.core");
  }

  @Test
  void runsTheJamfToolsAsANamedModule() throws Exception {
    ModuleLayer layer = coreLayer();
    ClassLoader loader = layer.findLoader("dev.jamfmcp.core");
    Class<?> mcpServer = loader.loadClass("dev.jamfmcp.mcp.McpServer");
    assertThat(mcpServer.getModule().getName()).isEqualTo("dev.jamfmcp.core");
    assertThat(mcpServer.getModule().getLayer()).isSameAs(layer);

    try (SimulatedJamfPro sim = SimulatedJamfPro.start(SimulatorConfig.of(b -> b.computers(50)))) {
      Object jamf = jamfClient(loader, sim);
      // Jackson binds the answer to a record that is not public: needs the package opened to it
      assertThat(call(jamf.getClass(), jamf, "jamfProVersion")).asString().isNotBlank();
      String replies =
          serveStdio(
              loader,
              jamf,
              """
              {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}
              {"jsonrpc":"2.0","method":"notifications/initialized"}
              {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"checkDeviceCompliance","arguments":{"daysSinceLastCheckin":30}}}
              {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"searchDevices","arguments":{"query":"Mac"}}}
              """);
      call(jamf.getClass(), jamf, "close");
      ObjectMapper json = JsonMapper.builder().build();
      List<JsonNode> messages =
          replies.lines().filter(l -> !l.isBlank()).map(json::readTree).toList();
      assertThat(messages).extracting(m -> m.path("id").asInt()).containsExactlyInAnyOrder(1, 2, 3);
      for (JsonNode message : messages) {
        assertThat(message.has("error")).as(message.toString()).isFalse();
        if (message.path("id").asInt() > 1) {
          assertThat(message.path("result").path("isError").asBoolean(false))
              .as(message.toString())
              .isFalse();
          assertThat(message.path("result").path("structuredContent").isObject())
              .as(message.toString())
              .isTrue();
        }
      }
    }
  }

  /**
   * Core's classes as module {@code dev.jamfmcp.core}, with its dependencies' jars as the only
   * other modules, above the JDK's boot layer: nothing on the test class path leaks in.
   */
  private static ModuleLayer coreLayer() {
    Path[] dependencies =
        List.of(
                ObjectMapper.class,
                JsonParser.class,
                JsonIgnoreProperties.class,
                LoggerFactory.class,
                Schema.class)
            .stream()
            .map(PublicApi::locationOf)
            .distinct()
            .toArray(Path[]::new);
    Configuration configuration =
        ModuleLayer.boot()
            .configuration()
            .resolve(
                ModuleFinder.of(CORE), ModuleFinder.of(dependencies), Set.of("dev.jamfmcp.core"));
    return ModuleLayer.boot()
        .defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
  }

  /** A {@code JamfClient} of the layer, on the simulator. */
  private static Object jamfClient(ClassLoader loader, SimulatedJamfPro sim) throws Exception {
    Object builder = call(loader.loadClass("dev.jamfmcp.jamf.JamfClient"), null, "builder");
    call(builder.getClass(), builder, "baseUrl", String.class, sim.baseUrl());
    call(
        builder.getClass(),
        builder,
        "clientCredentials",
        String.class,
        sim.config().clientId(),
        String.class,
        sim.config().clientSecret());
    return call(builder.getClass(), builder, "build");
  }

  /**
   * In the layer: a read-only {@code JamfTools} on the simulator, registered into an {@code
   * McpServer}, served over stdio with {@code input} as standard input. Through reflection, since
   * the layer's classes are not the test's.
   */
  private static String serveStdio(ClassLoader loader, Object jamf, String input) throws Exception {
    Class<?> jamfTools = loader.loadClass("dev.jamfmcp.tools.JamfTools");
    Consumer<Object> readOnly =
        settings -> call(settings.getClass(), settings, "readOnly", boolean.class, true);
    Object tools = call(jamfTools, null, "create", jamf.getClass(), jamf, Consumer.class, readOnly);
    Class<?> mcpServer = loader.loadClass("dev.jamfmcp.mcp.McpServer");
    Class<?> config = loader.loadClass("dev.jamfmcp.mcp.McpServer$Config");
    Consumer<Object> register = c -> call(jamfTools, tools, "registerInto", config, c);
    Object server = call(mcpServer, null, "create", Consumer.class, register);
    Class<?> principal = loader.loadClass("dev.jamfmcp.mcp.Principal");
    Object reader =
        call(
            principal,
            null,
            "of",
            String.class,
            "modular",
            String[].class,
            new String[] {"read:jamf"});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    call(
        loader.loadClass("dev.jamfmcp.mcp.stdio.StdioTransport"),
        null,
        "serve",
        mcpServer,
        server,
        InputStream.class,
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        OutputStream.class,
        out,
        principal,
        reader);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Calls a public method by name; arguments alternate parameter type and value. */
  private static Object call(Class<?> type, Object target, String name, Object... typesAndValues) {
    Class<?>[] types = new Class<?>[typesAndValues.length / 2];
    Object[] values = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      types[i] = (Class<?>) typesAndValues[2 * i];
      values[i] = typesAndValues[2 * i + 1];
    }
    try {
      Method method = type.getMethod(name, types);
      return method.invoke(target, values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(
          name + Arrays.toString(types) + " on " + type.getName() + " failed", e);
    }
  }
}

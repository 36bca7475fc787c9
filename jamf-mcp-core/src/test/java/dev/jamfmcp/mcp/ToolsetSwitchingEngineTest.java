package dev.jamfmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.cluster.EnabledToolsets;
import dev.jamfmcp.mcp.testing.MutableClock;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.TestTools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Toolsets switched per session (issue #16, the context budget): each session lists the tools of
 * its own toolsets, switching is told with list_changed on the call's stream, a call of a tool
 * whose toolset is off says what to switch on, and the store is asked only when needed.
 */
class ToolsetSwitchingEngineTest {
  private final TestTools tools = new TestTools();
  private final CountingStore store = new CountingStore();
  private final McpServer server =
      McpServer.create(
          config ->
              config
                  .tool(tools.failing()) // in no toolset: always listed
                  .toolset("READS", "Echoes.", List.of(tools.echo()))
                  .toolset("WRITES", "Wipes.", List.of(tools.write()))
                  .toolset("PROGRESS", "Counts.", List.of(tools.progress()))
                  .toolset("HIDDEN", "Never offered.", List.of(tools.slow()))
                  .toolsetSwitching(Set.of("READS"), Set.of("WRITES", "PROGRESS"), store));
  private final Principal writer = Principal.of("bob", "read:jamf", "write:jamf");
  private final Principal reader = Principal.of("alice", "read:jamf");

  @AfterEach
  void close() {
    server.close();
  }

  private TestClient session(Principal principal) {
    TestClient client = new TestClient(server.newSession(), principal);
    JsonNode result = client.initialize("2025-11-25");
    assertThat(result.at("/capabilities/tools/listChanged").booleanValue()).isTrue();
    return client;
  }

  private static List<String> names(JsonNode listResult) {
    List<String> names = new ArrayList<>();
    listResult.get("tools").forEach(t -> names.add(t.get("name").stringValue()));
    return names;
  }

  private static JsonNode call(TestClient client, String tool, String arguments) {
    return client
        .request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}")
        .get("result");
  }

  private static String text(JsonNode result) {
    return result.at("/content/0/text").stringValue();
  }

  @Test
  void aSessionSwitchingToolsetsOnChangesOnlyItsOwnList() {
    TestClient a = session(writer);
    TestClient b = session(writer);
    assertThat(names(a.request("tools/list", "{}").get("result")))
        .containsExactly("echo", "enableToolsets", "fail", "listToolsets");

    JsonNode enabled = call(a, "enableToolsets", "{\"enable\":[\"writes\"]}");

    assertThat(enabled.has("isError")).isFalse();
    assertThat(text(enabled)).contains("WRITES").contains("wipe");
    assertThat(a.related())
        .extracting(m -> m.get("method").stringValue())
        .containsExactly("notifications/tools/list_changed");
    assertThat(names(a.request("tools/list", "{}").get("result"))).contains("wipe");
    assertThat(names(b.request("tools/list", "{}").get("result"))).doesNotContain("wipe");
    assertThat(b.related()).isEmpty();
    assertThat(tools.writeRuns).hasValue(0);
  }

  @Test
  void aCallOfAToolWhoseToolsetIsOffSaysWhichToSwitchOnAndWorksAfterwards() {
    TestClient a = session(writer);

    JsonNode refused = call(a, "count", "{}");

    assertThat(refused.get("isError").booleanValue()).isTrue();
    assertThat(text(refused))
        .contains("toolset PROGRESS")
        .contains("enableToolsets")
        .contains("{\"enable\":[\"PROGRESS\"]}");
    call(a, "enableToolsets", "{\"enable\":[\"PROGRESS\"]}");
    assertThat(call(a, "count", "{\"n\":1}").has("isError")).isFalse();

    call(a, "enableToolsets", "{\"disable\":[\"PROGRESS\", \"READS\"]}");
    assertThat(names(a.request("tools/list", "{}").get("result")))
        .containsExactly("enableToolsets", "fail", "listToolsets");
    assertThat(call(a, "echo", "{\"text\":\"x\"}").get("isError").booleanValue()).isTrue();
  }

  @Test
  void aToolsetNotOfferedDoesNotExistAndAnUnknownNameChangesNothing() {
    TestClient a = session(writer);
    JsonNode hidden = a.request("tools/call", "{\"name\":\"slow\",\"arguments\":{}}").get("error");
    assertThat(hidden.get("code").intValue()).isEqualTo(-32602);

    JsonNode refused = call(a, "enableToolsets", "{\"enable\":[\"WRITES\",\"HIDDEN\"]}");

    assertThat(refused.get("isError").booleanValue()).isTrue();
    assertThat(text(refused)).contains("HIDDEN").contains("nothing changed");
    assertThat(names(a.request("tools/list", "{}").get("result"))).doesNotContain("wipe");
    assertThat(a.related()).isEmpty();
  }

  @Test
  void listToolsetsShowsWhatTheCallersScopesAllowWithCountsBytesAndState() {
    JsonNode forWriter = call(session(writer), "listToolsets", "{}").get("structuredContent");
    List<String> offered = new ArrayList<>();
    forWriter.get("toolsets").forEach(t -> offered.add(t.get("name").stringValue()));
    assertThat(offered).containsExactly("READS", "WRITES", "PROGRESS");
    JsonNode reads = forWriter.get("toolsets").get(0);
    assertThat(reads.get("enabled").booleanValue()).isTrue();
    assertThat(reads.get("tools").intValue()).isEqualTo(1);
    assertThat(reads.get("bytes").intValue()).isGreaterThan(100);
    assertThat(forWriter.get("toolsets").get(1).get("enabled").booleanValue()).isFalse();

    // wipe needs write:jamf: a reader is not offered WRITES, and cannot switch it on.
    TestClient readerSession = session(reader);
    JsonNode forReader = call(readerSession, "listToolsets", "{}").get("structuredContent");
    assertThat(forReader.toString()).doesNotContain("WRITES");
    assertThat(call(readerSession, "enableToolsets", "{\"enable\":[\"WRITES\"]}").get("isError"))
        .isNotNull();
  }

  @Test
  void aCallOfAToolAlreadyKnownToBeOnNeverAsksTheStore() {
    TestClient a = session(writer);
    call(a, "enableToolsets", "{\"enable\":[\"PROGRESS\"]}");
    int before = store.reads.get();

    for (int i = 0; i < 5; i++) {
      assertThat(call(a, "count", "{\"n\":1}").has("isError")).isFalse();
      assertThat(call(a, "echo", "{\"text\":\"x\"}").has("isError")).isFalse();
    }

    assertThat(store.reads).hasValue(before);
  }

  @Test
  void aSessionResumedOnAnotherInstanceKeepsItsToolsetsThroughTheSharedStore() {
    TestClient a = new TestClient(server.newSession("session-1"), writer);
    a.initialize("2025-11-25");
    call(a, "enableToolsets", "{\"enable\":[\"WRITES\"]}");
    try (McpServer other =
        McpServer.create(
            config ->
                config
                    .toolset("READS", "Echoes.", List.of(tools.echo()))
                    .toolset("WRITES", "Wipes.", List.of(tools.write()))
                    .toolsetSwitching(Set.of("READS"), Set.of("WRITES"), store))) {
      TestClient resumed =
          new TestClient(other.resumeSession(a.session().state(), "session-1"), writer);
      assertThat(names(resumed.request("tools/list", "{}").get("result"))).contains("wipe");

      other.sessionEnded("session-1");

      assertThat(store.read("s:session-1")).isEmpty();
    }
  }

  @Test
  void statelessRequestsKeepTheChoicePerPrincipalAndAreNotCachedPublicly() {
    ObjectNode list = TestClient.statelessParams("2026-07-28");
    TestClient first = new TestClient(server.newSession(null), writer);
    JsonNode before = first.request("tools/list", list.deepCopy()).get("result");
    assertThat(names(before)).doesNotContain("wipe");
    assertThat(before.get("cacheScope").stringValue()).isEqualTo("private");
    assertThat(before.get("ttlMs").longValue()).isZero();

    ObjectNode enable = TestClient.statelessParams("2026-07-28");
    enable.put("name", "enableToolsets");
    enable.putObject("arguments").putArray("enable").add("WRITES");
    first.request("tools/call", enable);

    TestClient again = new TestClient(server.newSession(null), writer);
    assertThat(names(again.request("tools/list", list.deepCopy()).get("result"))).contains("wipe");
    TestClient someoneElse =
        new TestClient(server.newSession(null), Principal.of("carol", "read:jamf", "write:jamf"));
    assertThat(names(someoneElse.request("tools/list", list.deepCopy()).get("result")))
        .doesNotContain("wipe");
  }

  @Test
  void withoutSwitchingEveryToolsetIsListedAndNoToolIsAdded() {
    try (McpServer plain =
        McpServer.create(
            config ->
                config
                    .toolset("READS", "Echoes.", List.of(tools.echo()))
                    .toolset("WRITES", "Wipes.", List.of(tools.write())))) {
      TestClient client = new TestClient(plain.newSession(), writer);
      JsonNode init = client.initialize("2025-11-25");
      assertThat(init.at("/capabilities/tools/listChanged").booleanValue()).isFalse();
      assertThat(names(client.request("tools/list", "{}").get("result")))
          .containsExactly("echo", "wipe");
    }
  }

  @Test
  void theInMemoryStoreForgetsAnIdleChoiceAfterItsLifetime() {
    MutableClock clock = new MutableClock();
    EnabledToolsets memory = EnabledToolsets.inMemory(10, Duration.ofMinutes(30), clock);
    memory.write("k", Set.of("A"));
    clock.advance(Duration.ofMinutes(20));
    assertThat(memory.read("k")).contains(Set.of("A")); // a read keeps it alive
    clock.advance(Duration.ofMinutes(20));
    assertThat(memory.read("k")).contains(Set.of("A"));
    clock.advance(Duration.ofMinutes(31));
    assertThat(memory.read("k")).isEmpty();
  }

  /** The in-memory store, counting reads (a shared store would make one round trip per read). */
  private static final class CountingStore implements EnabledToolsets {
    private final EnabledToolsets inner =
        EnabledToolsets.inMemory(100, Duration.ofHours(1), java.time.Clock.systemUTC());
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public Optional<Set<String>> read(String key) {
      reads.incrementAndGet();
      return inner.read(key);
    }

    @Override
    public void write(String key, Set<String> enabled) {
      inner.write(key, enabled);
    }

    @Override
    public void forget(String key) {
      inner.forget(key);
    }
  }
}

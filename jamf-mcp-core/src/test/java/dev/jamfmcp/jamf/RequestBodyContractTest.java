package dev.jamfmcp.jamf;

import static dev.jamfmcp.jamf.FakeJamf.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.groups.SmartCriterion;
import dev.jamfmcp.jamf.groups.SmartGroupSpec;
import dev.jamfmcp.jamf.groups.SmartGroups;
import dev.jamfmcp.jamf.groups.StaticComputerGroup;
import dev.jamfmcp.jamf.internal.ApiContract;
import dev.jamfmcp.jamf.internal.Endpoint;
import dev.jamfmcp.jamf.internal.Endpoints;
import dev.jamfmcp.jamf.mdm.Mdm;
import dev.jamfmcp.jamf.mdm.MdmCommandRequest;
import dev.jamfmcp.jamf.updates.PlanConfig;
import dev.jamfmcp.jamf.updates.SoftwareUpdates;
import dev.jamfmcp.mcp.testing.MutableClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bodies the client really sends fit the Jamf API contract ({@link ApiContract}): every
 * top-level field is one the operation's request body declares, with a value of the declared type,
 * and every required field is there. Every endpoint of the catalogue that is not a GET is driven
 * here through the public client, so a new write cannot skip the check.
 */
@Timeout(60)
class RequestBodyContractTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  /** Jamf's guides use this path; its form is the one the schema gives /api/v1/oauth/token. */
  private static final Map<Endpoint, Endpoint> DESCRIBED_AS =
      Map.of(Endpoints.OAUTH_TOKEN, Endpoints.OAUTH_TOKEN_V1);

  private static ApiContract contract;

  @StartStop final MockWebServer server = new MockWebServer();
  final List<RecordedRequest> sent = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void load() throws Exception {
    contract = ApiContract.load();
  }

  @Test
  void everyBodyTheClientSendsFitsTheContract() throws Exception {
    FakeJamf jamf = new FakeJamf();
    jamf.handler = RequestBodyContractTest::answer;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            sent.add(request);
            String path = request.getUrl().encodedPath();
            if (path.equals("/api/oauth/token")) {
              return json(404, "{}"); // so that the client falls back to /api/v1/oauth/token
            }
            return jamf.dispatch(request);
          }
        });

    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      client
          .computerGroups()
          .replaceStaticGroupMembers(
              new StaticComputerGroup("3", "Pilot", "Pilot Macs", "-1", 1), List.of("1", "2"));
      client
          .mdm()
          .send(
              MdmCommandRequest.of("ENABLE_LOST_MODE", List.of("m-1"))
                  .with("lostModeMessage", "Call IT"));
      client.mdm().blankPush(Set.of("m-2"));
      client.policies().flushLog(7);
      client.policies().flushLog(7, List.of(4, 5));
      client.policies().setEnabled(7, false);
      client
          .mdm()
          .flushCommands(
              Mdm.FlushTarget.COMPUTERS, List.of(4, 5), Mdm.FlushStatus.PENDING_AND_FAILED);
      for (boolean mobile : new boolean[] {false, true}) {
        client.inventory().addToPrestageScope(mobile, "2", List.of("C02XK1JHJG5H"), 3);
        client.inventory().removeFromPrestageScope(mobile, "2", List.of("C02XK1JHJG5H"), 4);
      }
      writeSmartGroups(client, SmartGroups.Platform.COMPUTER);
      writeSmartGroups(client, SmartGroups.Platform.MOBILE);
      client
          .softwareUpdates()
          .createPlan(
              Map.of("4", SoftwareUpdates.DeviceType.COMPUTER),
              new PlanConfig(
                  PlanConfig.UpdateAction.DOWNLOAD_INSTALL_ALLOW_DEFERRAL,
                  PlanConfig.VersionType.SPECIFIC_VERSION,
                  "15.7.2",
                  3,
                  "2026-12-24T18:00:00"));
      client
          .softwareUpdates()
          .createGroupPlan(
              "5",
              SoftwareUpdates.GroupType.COMPUTER_GROUP,
              new PlanConfig(
                  PlanConfig.UpdateAction.DOWNLOAD_ONLY,
                  PlanConfig.VersionType.LATEST_ANY,
                  null,
                  null,
                  null));
    }
    // Jamf Pro before 11.28: the v2 computer-group endpoints
    try (JamfClient client = FakeJamf.clientFor(server).jamfProVersion("11.27.0").build()) {
      client
          .computerGroups()
          .replaceStaticGroupMembers(
              new StaticComputerGroup("3", "Pilot", "Pilot Macs", "-1", 1), List.of("1", "2"));
      writeSmartGroups(client, SmartGroups.Platform.COMPUTER);
    }
    MutableClock clock = new MutableClock(START);
    try (JamfClient client =
        JamfClient.builder()
            .baseUrl(server.url("/").toString())
            .userAccount("admin", "hunter2")
            .clock(clock)
            .build()) {
      client.jamfProVersion();
      clock.advance(Duration.ofMinutes(29)); // inside the refresh margin: keep-alive
      client.jamfProVersion();
    }

    Set<String> driven = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    for (RecordedRequest request : List.copyOf(sent)) {
      Endpoint endpoint = endpointOf(request.getMethod(), request.getUrl().encodedPath());
      assertThat(endpoint).as(request.getMethod() + " " + request.getUrl()).isNotNull();
      driven.add(endpoint.toString());
      byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
      problems.addAll(problems(endpoint, request.getHeaders().get("Content-Type"), body));
    }
    assertThat(problems).isEmpty();
    assertThat(driven)
        .as("every endpoint that is not a GET is driven by this test")
        .containsAll(
            Endpoints.all().stream()
                .filter(e -> !e.method().equals("GET"))
                .map(Endpoint::toString)
                .toList());
  }

  private static void writeSmartGroups(JamfClient client, SmartGroups.Platform platform) {
    SmartGroupSpec spec =
        new SmartGroupSpec(
            "Airs",
            "MacBook Airs",
            "-1",
            List.of(new SmartCriterion("Model", 0, "and", "like", "MacBook Air", false, false)));
    String id = client.smartGroups().create(platform, spec);
    client.smartGroups().update(platform, id, spec);
  }

  @Test
  void theCheckerRejectsUndeclaredFieldsWrongTypesAndMissingRequiredOnes() {
    assertThat(
            problems(
                Endpoints.MDM_BLANK_PUSH,
                "application/json",
                bytes("{\"clientManagementIds\":\"m-1\",\"deviceIds\":[1]}")))
        .containsExactlyInAnyOrder(
            "POST /api/v2/mdm/blank-push: clientManagementIds is not array<string>",
            "POST /api/v2/mdm/blank-push: deviceIds is not in the request body schema");
    assertThat(
            problems(
                Endpoints.STATIC_GROUP_ASSIGN,
                "application/json",
                bytes("{\"assignments\":[1,2],\"name\":null}")))
        .containsExactlyInAnyOrder(
            "PUT /api/v3/computer-groups/static-groups/{id}: assignments is not array<string>",
            "PUT /api/v3/computer-groups/static-groups/{id}: required name is missing");
    assertThat(
            problems(
                Endpoints.OAUTH_TOKEN_V1,
                "application/x-www-form-urlencoded",
                bytes("grant_type=client_credentials&client_id=a&secret=b")))
        .containsExactlyInAnyOrder(
            "POST /api/v1/oauth/token: secret is not in the request body schema",
            "POST /api/v1/oauth/token: required client_secret is missing");
    assertThat(problems(Endpoints.AUTH_TOKEN, "application/json", bytes("{}")))
        .containsExactly("POST /api/v1/auth/token: sends a body the contract declares none for");
    assertThat(problems(Endpoints.MDM_BLANK_PUSH, "text/plain", bytes("m-1")))
        .contains("POST /api/v2/mdm/blank-push: sends text/plain, the contract application/json");
  }

  /** What the client could send wrong with {@code body} on {@code endpoint}. */
  private static List<String> problems(Endpoint endpoint, String contentType, byte[] body) {
    Endpoint described = DESCRIBED_AS.getOrDefault(endpoint, endpoint);
    ApiContract.Operation op = contract.find(described.method(), described.template());
    assertThat(op).as(described + " in the contract").isNotNull();
    ApiContract.Body declared = op.body();
    String where = endpoint + ": ";
    List<String> problems = new ArrayList<>();
    if (body.length == 0) {
      if (declared != null && !declared.required().isEmpty()) {
        problems.add(where + "sends no body, the contract requires " + declared.required());
      }
      return problems;
    }
    if (declared == null) {
      // The Classic swagger describes the bodies of few writes (not the XML of DELETE /logflush);
      // a Pro operation without a body must not get one.
      if (endpoint.api() == Endpoint.Api.PRO) {
        problems.add(where + "sends a body the contract declares none for");
      }
      return problems;
    }
    if (endpoint.api() == Endpoint.Api.CLASSIC) {
      problems.add(where + "the contract now declares body fields; check the client's XML here");
      return problems;
    }
    String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim();
    if (!mediaType.equals(declared.contentType())) {
      problems.add(where + "sends " + mediaType + ", the contract " + declared.contentType());
      return problems;
    }
    Map<String, JsonNode> fields =
        mediaType.equals("application/x-www-form-urlencoded") ? formFields(body) : jsonFields(body);
    fields.forEach(
        (name, value) -> {
          String type = declared.fields().get(name);
          if (type == null) {
            problems.add(where + name + " is not in the request body schema");
          } else if (!fits(value, type)) {
            problems.add(where + name + " is not " + type);
          }
        });
    for (String name : declared.required()) {
      JsonNode value = fields.get(name);
      if (value == null || value.isNull()) {
        problems.add(where + "required " + name + " is missing");
      }
    }
    return problems;
  }

  /** Whether a JSON value is of a contract type; null fits any (Jamf accepts nulls for absent). */
  private static boolean fits(JsonNode value, String type) {
    if (value.isNull() || type.equals("any")) {
      return true;
    }
    if (type.startsWith("array<") && type.endsWith(">")) {
      String items = type.substring("array<".length(), type.length() - 1);
      if (!value.isArray()) {
        return false;
      }
      for (JsonNode item : value) {
        if (!fits(item, items)) {
          return false;
        }
      }
      return true;
    }
    return switch (type) {
      case "string" -> value.isString();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "object" -> value.isObject();
      default -> false;
    };
  }

  private static Map<String, JsonNode> jsonFields(byte[] body) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    JsonMapper.shared()
        .readTree(body)
        .properties()
        .forEach(f -> fields.put(f.getKey(), f.getValue()));
    return fields;
  }

  /** A form's fields, as JSON strings so that they are checked like JSON ones. */
  private static Map<String, JsonNode> formFields(byte[] body) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      String[] nameValue = pair.split("=", 2);
      String value = nameValue.length > 1 ? nameValue[1] : "";
      fields.put(
          URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
          JsonMapper.shared()
              .getNodeFactory()
              .stringNode(URLDecoder.decode(value, StandardCharsets.UTF_8)));
    }
    return fields;
  }

  /** The catalogue endpoint a sent request was built from (the most literal match). */
  private static Endpoint endpointOf(String method, String path) {
    Endpoint best = null;
    for (Endpoint e : Endpoints.all()) {
      Pattern template =
          Pattern.compile(Pattern.quote(e.template()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q"));
      if (e.method().equals(method)
          && template.matcher(path).matches()
          && (best == null || placeholders(e) < placeholders(best))) {
        best = e;
      }
    }
    return best;
  }

  private static long placeholders(Endpoint e) {
    return e.template().chars().filter(c -> c == '{').count();
  }

  /** Answers Jamf would give, enough for the client to carry on. */
  private static MockResponse answer(RecordedRequest request) {
    String line = request.getMethod() + " " + request.getUrl().encodedPath();
    if (line.equals("POST /api/v1/auth/token")) {
      return json(200, "{\"token\":\"user-1\",\"expires\":\"" + START.plusSeconds(1800) + "\"}");
    }
    if (line.equals("POST /api/v1/auth/keep-alive")) {
      return json(200, "{\"token\":\"user-2\",\"expires\":\"" + START.plusSeconds(3600) + "\"}");
    }
    if (line.equals("GET /api/v1/jamf-pro-version")) {
      return json(200, "{\"version\":\"11.30.1\"}");
    }
    if (line.matches("PUT /api/v[23]/computer-groups/static-groups/.*")) {
      return json(202, "{\"id\":\"3\",\"name\":\"Pilot\",\"assignments\":[\"1\",\"2\"]}");
    }
    if (line.equals("POST /api/v2/mdm/commands")) {
      return json(201, "[{\"id\":\"c-1\",\"href\":\"/api/v2/mdm/commands/c-1\"}]");
    }
    if (line.matches("POST /api/v[23]/(computer|mobile-device)-groups/smart-groups")) {
      return json(201, "{\"id\":\"5\",\"href\":\"/5\"}");
    }
    if (line.matches("PUT /api/v[23]/(computer|mobile-device)-groups/smart-groups/5")) {
      return json(202, "{\"name\":\"Airs\"}");
    }
    if (line.equals("POST /api/v2/mdm/blank-push")) {
      return json(200, "{\"errorUuids\":[]}");
    }
    if (line.matches(
        "POST /api/v2/(computer|mobile-device)-prestages/2/scope(/delete-multiple)?")) {
      return json(200, "{\"prestageId\":\"2\",\"assignments\":[],\"versionLock\":5}");
    }
    if (line.equals("PUT /JSSResource/policies/id/7")) {
      return json(201, "<policy><id>7</id></policy>");
    }
    if (line.equals("DELETE /JSSResource/commandflush/computers/id/4,5/status/Pending+Failed")) {
      return json(200, "");
    }
    if (line.startsWith("POST /api/v1/managed-software-updates/plans")) {
      return json(201, "{\"plans\":[]}");
    }
    if (line.startsWith("DELETE /JSSResource/logflush")) {
      return json(200, "");
    }
    return json(404, "{\"httpStatus\":404,\"errors\":[]}");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

package dev.jamfmcp.tools;

import static dev.jamfmcp.mcp.testing.WriteToolsFixture.ALICE;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.args;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.JamfExchange;
import dev.jamfmcp.jamf.internal.Endpoint;
import dev.jamfmcp.jamf.internal.Endpoints;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.WriteToolsFixture;
import dev.jamfmcp.simulator.SimulatorConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Keeps {@link ToolOperations} honest: every tool has a declaration, and every tool, run on the
 * simulator (writes through to execution, secrets through the approval page), sends only the Jamf
 * operations declared for it. docs/JAMF-PRIVILEGES.md is generated from that table, so a tool that
 * called an undeclared operation would make the document understate what the API role needs.
 */
class ToolOperationsTest {
  static final List<JamfExchange> SENT = new CopyOnWriteArrayList<>();
  static WriteToolsFixture fx;

  /** Operations the client itself sends for any tool: tokens and the server version. */
  static final Set<Endpoint> CLIENT_OWN =
      Set.of(
          Endpoints.OAUTH_TOKEN,
          Endpoints.OAUTH_TOKEN_V1,
          Endpoints.AUTH_TOKEN,
          Endpoints.AUTH_KEEP_ALIVE,
          Endpoints.JAMF_PRO_VERSION);

  /**
   * The Jamf Pro versions every call runs against: the current one, and one old enough that the
   * client falls back to v3 inventory (before 11.30) and v2 computer groups (before 11.28).
   */
  static final List<String> VERSIONS = List.of(SimulatorConfig.JAMF_PRO_VERSION, "11.27.0");

  /**
   * Declared operations no call below sends, and why. Empty today: every declared operation is
   * driven on one of {@link #VERSIONS}.
   */
  static final Map<String, String> NOT_DRIVEN = Map.of();

  /**
   * Calls that fail on the older version because the tool has no fallback there (found by this
   * test; issue 16, point 2); empty since getSmartGroupCriteria and findComputersBySoftware fall
   * back to v2 groups and the v3 inventory.
   */
  static final Map<String, String> FAILS_ON_OLDER_SERVERS = Map.of();

  /** The fixture the calls go to. */
  static WriteToolsFixture driving;

  @BeforeAll
  static void start() {
    fx = fixture(SimulatorConfig.JAMF_PRO_VERSION);
  }

  static WriteToolsFixture fixture(String version) {
    return new WriteToolsFixture(
        ConfirmationGate.ApprovalMode.BROWSER, s -> {}, SENT::add, c -> c.jamfProVersion(version));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void everyToolInTheRegistryDeclaresItsOperations() {
    Set<String> registered =
        ToolOperations.registry(fx.jamf).stream()
            .map(e -> e.tool().name())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(ToolOperations.DECLARED.keySet())
        .as("tools without a declaration in ToolOperations (or declared but gone)")
        .containsExactlyInAnyOrderElementsOf(registered);
    ToolOperations.DECLARED.forEach(
        (tool, ops) ->
            assertThat(ops)
                .as("%s: catalogued operations, not the client's own", tool)
                .isSubsetOf(Endpoints.all())
                .doesNotContainAnyElementsOf(CLIENT_OWN));
  }

  @Test
  void eachToolSendsOnlyTheOperationsItDeclares() {
    Map<String, Set<String>> observed = new TreeMap<>();
    Set<Endpoint> sentAtAll = new java.util.HashSet<>();
    List<String> failed = new ArrayList<>();
    Set<String> driven = new TreeSet<>();
    for (String version : VERSIONS) {
      if (version.equals(SimulatorConfig.JAMF_PRO_VERSION)) {
        driving = fx;
        driveEveryTool(observed, sentAtAll, failed, driven);
      } else {
        try (WriteToolsFixture older = fixture(version)) {
          driving = older;
          driveEveryTool(observed, sentAtAll, failed, driven);
        }
      }
    }
    List<String> olderGaps = new ArrayList<>();
    for (String f : failed) {
      if (FAILS_ON_OLDER_SERVERS.keySet().stream()
          .anyMatch(call -> f.startsWith("Jamf Pro 11.27.0: [" + call + ":"))) {
        olderGaps.add(f);
      }
    }
    assertThat(failed).as("calls that did not work").containsExactlyInAnyOrderElementsOf(olderGaps);
    assertThat(olderGaps)
        .as("FAILS_ON_OLDER_SERVERS lists exactly the calls that fail on the older version")
        .hasSize(FAILS_ON_OLDER_SERVERS.size());

    assertThat(driven)
        .as("tools this test does not drive")
        .containsExactlyInAnyOrderElementsOf(ToolOperations.DECLARED.keySet());
    observed.forEach(
        (tool, ops) ->
            assertThat(ToolOperations.DECLARED.get(tool).stream().map(Endpoint::toString).toList())
                .as("operations %s sent but does not declare in ToolOperations", tool)
                .containsAll(ops));
    Set<String> unsent = new TreeSet<>();
    ToolOperations.DECLARED
        .values()
        .forEach(
            ops ->
                ops.stream()
                    .filter(e -> !sentAtAll.contains(e))
                    .forEach(e -> unsent.add(e.toString())));
    assertThat(unsent)
        .as("declared operations no call here sent: drive them or say why in NOT_DRIVEN")
        .containsExactlyInAnyOrderElementsOf(NOT_DRIVEN.keySet());
  }

  private static void driveEveryTool(
      Map<String, Set<String>> observed,
      Set<Endpoint> sentAtAll,
      List<String> failed,
      Set<String> driven) {
    WriteToolsFixture fx = driving;
    var group = fx.sim.staticGroups().all().get(0);
    String staticGroup = String.valueOf(group.id());
    int member = group.computerIds().get(0);
    int outsider = 1;
    while (group.computerIds().contains(outsider)) {
      outsider++;
    }
    String category = fx.jamf.policies().get(1).general().category().name();
    String mobileStatic =
        read("listJamfObjects", "{'kind':'mobileStaticGroups'}")
            .at("/structuredContent/items/0/id")
            .asString();
    String smartGroup = String.valueOf(fx.sim.fleet().smartGroups().get(0).id());
    String titleId =
        read("listPatchTitles", "{}").at("/structuredContent/titles/0/id").asString("1");
    Map<String, List<String>> calls = new LinkedHashMap<>();
    calls.put("searchDevices", List.of("{'query':'a'}", "{'site':'EMEA'}"));
    calls.put("getDeviceDetails", List.of("{'identifier':'1'}"));
    calls.put("checkDeviceCompliance", List.of("{}"));
    calls.put("checkComplianceBaseline", List.of("{'limit':5}"));
    calls.put("getFleetOverview", List.of("{}"));
    calls.put("getSecurityPosture", List.of("{}"));
    calls.put("searchMobileDevices", List.of("{'query':'a'}", "{'site':'EMEA'}"));
    calls.put("getMobileDeviceDetails", List.of("{'identifier':'mobile:1'}"));
    calls.put("listPolicies", List.of("{}", "{'category':'" + category + "'}"));
    calls.put(
        "getPolicyDetails", List.of("{'policyId':'1'}", "{'policyName':'install google chrome'}"));
    calls.put("listConfigurationProfiles", List.of("{'platform':'mac'}", "{'platform':'mobile'}"));
    calls.put(
        "getConfigurationProfileDetails",
        List.of("{'platform':'mac','profileId':'1'}", "{'platform':'mobile','profileId':'1'}"));
    calls.put("listScripts", List.of("{}"));
    calls.put("getScriptDetails", List.of("{'scriptId':'1'}"));
    calls.put("listComputerGroups", List.of("{}"));
    calls.put(
        "getComputerGroupMembers",
        List.of("{'groupId':'" + smartGroup + "'}", "{'groupId':'" + staticGroup + "'}"));
    calls.put(
        "getSmartGroupCriteria",
        List.of("{'groupId':'" + smartGroup + "'}", "{'groupId':'1','deviceType':'mobile'}"));
    calls.put("listMdmCommands", List.of("{'deviceId':'computer:1'}", "{'deviceId':'mobile:1'}"));
    calls.put("listPatchTitles", List.of("{}"));
    calls.put("getPatchStatus", List.of("{'titleId':'" + titleId + "','limit':3}"));
    calls.put("findComputersBySoftware", List.of("{'application':'Chrome','belowVersion':'999'}"));
    calls.put("getDeviceHistory", List.of("{'device':'computer:7'}", "{'device':'mobile:3'}"));
    List<String> kinds = new ArrayList<>();
    for (String kind :
        List.of(
            "packages",
            "sites",
            "endUsers",
            "computerPrestages",
            "mobilePrestages",
            "computerExtensionAttributes",
            "mobileExtensionAttributes",
            "macApps",
            "mobileApps",
            "mobileStaticGroups",
            "mobileSmartGroups",
            "categories")) {
      kinds.add("{'kind':'" + kind + "'}");
    }
    kinds.add("{'kind':'mobileStaticGroups','groupId':'" + mobileStatic + "'}");
    kinds.add("{'kind':'mobileSmartGroups','groupId':'1'}");
    calls.put("listJamfObjects", kinds);
    calls.put("search", List.of("{'query':'mac'}"));
    calls.put(
        "fetch",
        List.of(
            "{'id':'computer:1'}", "{'id':'mobile:1'}", "{'id':'policy:1'}", "{'id':'script:1'}"));
    calls.put("getLapsSettings", List.of("{}"));
    String planId =
        read("getSoftwareUpdateStatus", "{'limit':1}")
            .at("/structuredContent/plans/0/planId")
            .asString();
    calls.put(
        "getSoftwareUpdateStatus",
        List.of(
            "{'deviceType':'computer','outcome':'failed'}",
            "{'device':'computer:3'}",
            "{'device':'mobile:3'}",
            "{'groupId':'" + smartGroup + "'}",
            "{'groupId':'" + mobileStatic + "','groupType':'mobile'}",
            "{'planId':'" + planId + "'}"));

    Map<String, List<String>> writes = new LinkedHashMap<>();
    writes.put("executePolicy", List.of("{'policyId':'1','deviceIdentifiers':['computer:1']}"));
    writes.put("setPolicyEnabled", List.of("{'policyId':'1','enabled':false}"));
    writes.put(
        "setStaticGroupMembership",
        List.of(
            "{'groupId':'"
                + staticGroup
                + "','add':['computer:"
                + outsider
                + "'],'remove':['computer:"
                + member
                + "']}"));
    writes.put(
        "updateInventory", List.of("{'deviceIds':['computer:1']}", "{'deviceIds':['mobile:1']}"));
    writes.put(
        "flushMdmCommands",
        List.of("{'deviceIds':['computer:9']}", "{'deviceIds':['mobile:11'],'status':'pending'}"));
    writes.put(
        "sendMdmCommand",
        List.of(
            "{'deviceIds':['computer:2'],'command':'restart'}",
            "{'deviceIds':['mobile:2'],'command':'restart'}",
            "{'deviceIds':['mobile:3'],'command':'clearPasscode'}"));
    // computer 100 and mobile 35 are in no PreStage: added, then removed again
    writes.put(
        "assignPrestage",
        List.of(
            "{'prestage':'1','deviceType':'computer','action':'add','devices':['computer:100']}",
            "{'prestage':'1','deviceType':'computer','action':'remove','devices':['computer:100']}",
            "{'prestage':'2','deviceType':'mobile','action':'add','devices':['mobile:35']}",
            "{'prestage':'2','deviceType':'mobile','action':'remove','devices':['mobile:35']}"));
    writes.put(
        "createSmartGroup",
        List.of(
            "{'name':'Operations Airs','criteria':[{'name':'Model','searchType':'like',"
                + "'value':'MacBook Air'}]}",
            "{'platform':'mobile','name':'Operations iPads',"
                + "'criteria':[{'name':'Model','searchType':'like','value':'iPad'}]}"));
    writes.put(
        "updateSmartGroup",
        List.of(
            "{'groupId':'"
                + fx.sim.fleet().smartGroups().get(1).id()
                + "','name':'Operations renamed','criteria':[{'name':'Model',"
                + "'searchType':'like','value':'iMac'}]}",
            "{'platform':'mobile','groupId':'1','name':'Operations renamed',"
                + "'criteria':[{'name':'Model','searchType':'like','value':'iPhone'}]}"));
    int managedMac = 1;
    while (!fx.sim.fleet().computers().managed(fx.sim.fleet().computers().rowOf(managedMac))) {
      managedMac++;
    }
    writes.put(
        "createSoftwareUpdatePlan",
        List.of(
            "{'deviceIds':['computer:"
                + managedMac
                + "'],'updateAction':'DOWNLOAD_ONLY','versionType':'LATEST_ANY'}",
            "{'groupId':'"
                + smartGroup
                + "','updateAction':'DOWNLOAD_INSTALL','versionType':'SPECIFIC_VERSION',"
                + "'specificVersion':'26.1'}"));
    writes.put("revealFileVaultKey", List.of("{'deviceId':'computer:1'}"));
    writes.put("revealDeviceLockPin", List.of("{'deviceId':'computer:2'}"));
    writes.put("revealLapsPassword", List.of("{'deviceId':'computer:3','username':'jamfadmin'}"));

    calls.forEach(
        (tool, list) -> list.forEach(a -> observe(tool, a, false, observed, sentAtAll, failed)));
    writes.forEach(
        (tool, list) -> list.forEach(a -> observe(tool, a, true, observed, sentAtAll, failed)));
    driven.addAll(calls.keySet());
    driven.addAll(writes.keySet());
  }

  private static JsonNode read(String tool, String arguments) {
    JsonNode r = result(driving.tokenClient(ALICE), tool, args(arguments));
    assertThat(r.path("isError").asBoolean(false)).as("%s %s: %s", tool, arguments, r).isFalse();
    return r;
  }

  private static void observe(
      String tool,
      String arguments,
      boolean write,
      Map<String, Set<String>> observed,
      Set<Endpoint> sentAtAll,
      List<String> failed) {
    try {
      observe(tool, arguments, write, observed, sentAtAll);
    } catch (AssertionError e) {
      failed.add("Jamf Pro " + driving.sim.config().jamfProVersion() + ": " + e.getMessage());
    }
  }

  private static void observe(
      String tool,
      String arguments,
      boolean write,
      Map<String, Set<String>> observed,
      Set<Endpoint> sentAtAll) {
    // Past every cache (departments, buildings: OrgDirectory.TTL), so each call sends what it
    // needs.
    driving.clock.advance(java.time.Duration.ofMinutes(10));
    SENT.clear();
    JsonNode r;
    if (write) {
      TestClient alice = driving.tokenClient(ALICE);
      r = result(alice, tool, args(arguments));
      if (!"executed".equals(r.at("/structuredContent/status").asString(""))) {
        // confirm or approve first, as the person would; the approval-class "none" ran at once
        r = driving.agreed(alice, tool, args(arguments));
      }
      assertThat(r.at("/structuredContent/status").asString(""))
          .as("%s %s: %s", tool, arguments, r)
          .isEqualTo("executed");
    } else {
      r = read(tool, arguments);
    }
    Set<String> ops = observed.computeIfAbsent(tool, t -> new TreeSet<>());
    for (JamfExchange x : List.copyOf(SENT)) {
      Endpoint e =
          Endpoints.all().stream()
              .filter(c -> c.method().equals(x.method()) && c.template().equals(x.endpoint()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("not catalogued: " + x));
      if (!CLIENT_OWN.contains(e)) {
        ops.add(e.toString());
        sentAtAll.add(e);
      }
    }
    assertThat(ops).as("%s %s sent nothing to Jamf", tool, arguments).isNotEmpty();
    System.out.println("OBSERVED " + tool + " " + ops);
  }
}

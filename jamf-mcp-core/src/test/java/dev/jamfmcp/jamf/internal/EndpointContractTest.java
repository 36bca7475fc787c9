package dev.jamfmcp.jamf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every request the client can send exists in the Jamf API contract ({@link ApiContract}, the
 * committed facts of Jamf Pro 11.30.1) with that method and path template, and is deprecated there
 * only if the catalogue says so. The list comes from {@link Endpoints#all()}, and a request can
 * only be built from an {@link Endpoint} there, so nothing the client sends escapes this check. The
 * bodies the client sends are checked by {@code RequestBodyContractTest}.
 */
class EndpointContractTest {

  /**
   * The one documented exception: Jamf's guides use POST /api/oauth/token, the schema declares only
   * tokenUrl /api/v1/oauth/token (which the client falls back to on 404).
   */
  private static final Set<String> DOCUMENTED_EXCEPTIONS = Set.of("POST /api/oauth/token");

  /** Query parameters the list support adds to every paged request. */
  private static final List<String> PAGING = List.of("page", "page-size");

  private static ApiContract contract;

  @BeforeAll
  static void load() throws Exception {
    contract = ApiContract.load();
  }

  @Test
  void contractFileIsThereAndComplete() {
    assertThat(contract.version()).isEqualTo("11.30.1");
    assertThat(contract.operations())
        .containsKeys("GET /api/v1/jamf-pro-version", "GET /JSSResource/policies")
        .hasSizeGreaterThan(1000);
    // The whole description, not a chosen subset: operations the client does not use are there.
    assertThat(contract.operations()).containsKeys("GET /api/v4/computers-inventory");
    assertThat(contract.operations().get("GET /api/v1/buildings").privileges())
        .containsExactly("Read Buildings");
  }

  @Test
  void everyEndpointExistsInTheContract() {
    List<String> missing = new ArrayList<>();
    for (Endpoint e : Endpoints.all()) {
      if (DOCUMENTED_EXCEPTIONS.contains(e.toString())) {
        continue;
      }
      if (contract.find(e.method(), e.template()) == null) {
        missing.add(e.toString());
      }
    }
    assertThat(missing)
        .as("endpoints the Jamf Pro %s contract does not have", contract.version())
        .isEmpty();
  }

  @Test
  void anEndpointIsDeprecatedInTheContractExactlyWhenTheCatalogueSaysSo() {
    List<String> mismatched = new ArrayList<>();
    for (Endpoint e : Endpoints.all()) {
      ApiContract.Operation op = contract.find(e.method(), e.template());
      if (op != null && op.deprecated() != e.deprecated()) {
        mismatched.add(
            e
                + (op.deprecated()
                    ? " is deprecated (" + op.deprecationDate() + ") but not marked so"
                    : " is marked deprecated but the contract does not deprecate it"));
      }
    }
    assertThat(mismatched).isEmpty();
    assertThat(Endpoints.COMPUTERS_INVENTORY_V3.deprecated()).isTrue();
    assertThat(Endpoints.COMPUTERS_INVENTORY.deprecated()).isFalse();
    assertThat(Endpoints.SCRIPTS.deprecated()).isFalse();
  }

  @Test
  void everyBearerEndpointOfTheProApiNamesItsPrivileges() {
    // Privileges are what an administrator grants the API role. Only keep-alive and the version
    // probe, which any valid token may call, declare none; a new exception must be looked at.
    // The list of OS versions Apple offers declares none in 11.30.1 either (no device data).
    Set<String> without = new TreeSet<>();
    for (Endpoint e : Endpoints.all()) {
      ApiContract.Operation op = contract.find(e.method(), e.template());
      if (op != null && e.bearer() && e.api() == Endpoint.Api.PRO && op.privileges().isEmpty()) {
        without.add(e.toString());
      }
    }
    assertThat(without)
        .containsExactlyInAnyOrder(
            Endpoints.AUTH_KEEP_ALIVE.toString(),
            Endpoints.JAMF_PRO_VERSION.toString(),
            Endpoints.SOFTWARE_UPDATES_AVAILABLE.toString());
  }

  @Test
  void everyProEndpointDeclaresExactlyTheSchemasPrivileges() {
    // The privileges a 403 names and docs/JAMF-PRIVILEGES.md lists come from the catalogue; for
    // the Pro API they must be the schema's x-required-privileges.
    List<String> mismatched = new ArrayList<>();
    for (Endpoint e : Endpoints.all()) {
      ApiContract.Operation op = contract.find(e.method(), e.template());
      if (op != null && e.api() == Endpoint.Api.PRO && !op.privileges().equals(e.privileges())) {
        mismatched.add(e + ": catalogue " + e.privileges() + ", schema " + op.privileges());
      }
    }
    assertThat(mismatched).isEmpty();
  }

  @Test
  void classicEndpointsArePrivilegedByHandAndSaySo() {
    // The Classic swagger names no privileges: each Classic endpoint carries a hand-made mapping.
    for (Endpoint e : Endpoints.all()) {
      if (e.api() == Endpoint.Api.CLASSIC) {
        assertThat(e.privilegesMappedByHand()).as(e.toString()).isTrue();
        assertThat(e.privileges()).as(e.toString()).isNotEmpty();
      }
    }
  }

  @Test
  void aFallbackNeedsTheSamePrivilegesAsTheEndpointItStandsFor() {
    Map<Endpoint, Endpoint> fallbacks =
        Map.of(
            Endpoints.COMPUTERS_INVENTORY, Endpoints.COMPUTERS_INVENTORY_V3,
            Endpoints.COMPUTER_DETAIL, Endpoints.COMPUTER_DETAIL_V3,
            Endpoints.SMART_GROUPS, Endpoints.SMART_GROUPS_V2,
            Endpoints.SMART_GROUP_MEMBERSHIP, Endpoints.SMART_GROUP_MEMBERSHIP_V2,
            Endpoints.STATIC_GROUPS, Endpoints.STATIC_GROUPS_V2,
            Endpoints.STATIC_GROUP, Endpoints.STATIC_GROUP_V2,
            Endpoints.STATIC_GROUP_ASSIGN, Endpoints.STATIC_GROUP_ASSIGN_V2,
            Endpoints.SMART_GROUP_CREATE, Endpoints.SMART_GROUP_CREATE_V2,
            Endpoints.SMART_GROUP_UPDATE, Endpoints.SMART_GROUP_UPDATE_V2);
    fallbacks.forEach(
        (current, fallback) -> {
          assertThat(fallback.privileges()).as(fallback.toString()).isEqualTo(current.privileges());
          assertThat(current.deprecated()).as(current.toString()).isFalse();
        });
  }

  @Test
  void theDocumentedExceptionIsStillNeededAndStillUsed() {
    assertThat(contract.find("POST", "/api/oauth/token")).isNull();
    assertThat(Endpoints.all()).extracting(Endpoint::toString).containsAll(DOCUMENTED_EXCEPTIONS);
    assertThat(contract.find("POST", "/api/v1/oauth/token")).isNotNull();
  }

  @Test
  void pagedEndpointsDeclareTheParametersTheClientSends() {
    Map<Endpoint, List<String>> used =
        Map.of(
            Endpoints.COMPUTERS_INVENTORY, List.of("section", "filter", "sort"),
            Endpoints.MOBILE_DEVICES, List.of("sort"),
            Endpoints.MOBILE_DEVICES_DETAIL, List.of("section", "filter", "sort"),
            Endpoints.DEPARTMENTS, List.of("filter", "sort"),
            Endpoints.BUILDINGS, List.of("filter", "sort"),
            Endpoints.CATEGORIES, List.of("filter", "sort"),
            Endpoints.SCRIPTS, List.of("filter", "sort"),
            Endpoints.SMART_GROUPS, List.of("filter", "sort"),
            Endpoints.STATIC_GROUPS, List.of("filter", "sort"),
            Endpoints.MDM_COMMANDS, List.of("filter", "sort"));
    Map<Endpoint, List<String>> fallbacks =
        Map.of(
            Endpoints.COMPUTERS_INVENTORY_V3, List.of("section", "filter", "sort"),
            Endpoints.SMART_GROUPS_V2, List.of("filter", "sort"),
            Endpoints.STATIC_GROUPS_V2, List.of("filter", "sort"));
    Map<Endpoint, List<String>> all = new java.util.HashMap<>(used);
    all.putAll(fallbacks);
    all.forEach(
        (endpoint, params) -> {
          Set<String> declared = contract.find(endpoint.method(), endpoint.template()).query();
          assertThat(declared).as(endpoint.toString()).containsAll(PAGING).containsAll(params);
        });
  }

  @Test
  void theMatcherRejectsWhatTheContractLacks() {
    assertThat(contract.find("POST", "/api/v1/policies/{id}/retry")).isNull();
    assertThat(contract.find("GET", "/api/v1/scripts/{id}/run")).isNull();
    assertThat(contract.find("POST", "/JSSResource/policies")).isNull();
    assertThat(contract.find("DELETE", "/JSSResource/logflush/policy/id/{id}/interval/{interval}"))
        .isNotNull();
  }
}

package dev.jamfmcp.tools.mdm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.internal.ApiContract;
import dev.jamfmcp.jamf.mdm.MdmCommandRequest;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.ApprovalClass;
import dev.jamfmcp.tools.support.DeviceTargets.Device;
import dev.jamfmcp.tools.support.DeviceTargets.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * sendMdmCommand's commands against the Jamf Pro 11.30.1 contract ({@code mdmCommands} of
 * contract/jamf-pro-api.json): every commandType of the enum is offered, and the commandData each
 * command builds holds only fields that commandType declares, of the declared type, with every
 * field it requires.
 */
class MdmCommandContractTest {
  private static ApiContract contract;

  @BeforeAll
  static void load() throws Exception {
    contract = ApiContract.load();
  }

  @Test
  void everyCommandTypeOfTheContractIsOfferedOnce() {
    List<String> ours = Arrays.stream(MdmCommandKind.values()).map(k -> k.commandType).toList();
    assertThat(ours).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(ours)).isEqualTo(new TreeSet<>(contract.mdmCommands().keySet()));
    assertThat(contract.mdmCommands()).hasSize(35);
  }

  @Test
  void everyOptionFillsADeclaredFieldOfTheDeclaredTypeAndRequiredFieldsAreRequired() {
    for (MdmCommandKind kind : MdmCommandKind.values()) {
      ApiContract.Body declared = contract.mdmCommands().get(kind.commandType);
      ObjectNode options = Json.object();
      kind.options.values().forEach(o -> options.set(o.name(), sample(o.type())));
      if (options.has("pin")) {
        options.put("pin", "123456"); // a Mac's PIN is six digits
      }
      Kind target = kind.appliesTo.contains(Kind.COMPUTER) ? Kind.COMPUTER : Kind.MOBILE;
      Device device = new Device(target, "1", "Device", "SERIAL", "mgmt-1", null, null, null, null);
      assertThat(kind.problems(List.of(device), options)).as(kind.argument).isEmpty();
      MdmCommandRequest request = kind.request(device, options);
      assertThat(request.commandType()).isEqualTo(kind.commandType);
      for (Map.Entry<String, Object> field : request.commandData().entrySet()) {
        if (field.getKey().equals("commandType")) {
          continue;
        }
        assertThat(declared.fields())
            .as("%s sends %s", kind.commandType, field.getKey())
            .containsKey(field.getKey());
        assertThat(typeOf(field.getValue()))
            .as("%s.%s", kind.commandType, field.getKey())
            .isEqualTo(declared.fields().get(field.getKey()));
      }
      Set<String> requiredOptions =
          kind.options.values().stream()
              .filter(MdmCommandKind.Option::required)
              .map(MdmCommandKind.Option::field)
              .collect(Collectors.toSet());
      Set<String> requiredByJamf = new TreeSet<>(declared.required());
      if (kind == MdmCommandKind.CLEAR_PASSCODE) {
        // the server fills unlockToken from Jamf's escrow; the caller never has it
        requiredByJamf.remove("unlockToken");
      }
      assertThat(requiredOptions).as(kind.commandType).isEqualTo(requiredByJamf);
    }
  }

  @Test
  void aMissingRequiredOptionOrAWrongTypeIsRefused() {
    Device mac = new Device(Kind.COMPUTER, "1", "Mac", "S", "m", null, null, null, null);
    Device phone = new Device(Kind.MOBILE, "2", "Phone", "P", "p", null, null, null, null);
    assertThat(MdmCommandKind.REFRESH_CELLULAR_PLANS.problems(List.of(phone), Json.object()))
        .containsExactly("refreshCellularPlans needs options.esimServerUrl");
    assertThat(
            MdmCommandKind.RESTART.problems(List.of(mac), Json.object().put("notifyUser", "yes")))
        .containsExactly("option 'notifyUser' of restart must be boolean");
    assertThat(MdmCommandKind.PLAY_LOST_MODE_SOUND.problems(List.of(mac), Json.object()))
        .containsExactly(
            "playLostModeSound applies to iPhones and iPads only, not to the computer "
                + mac.describe());
  }

  @Test
  void theClassesFollowIssue14() {
    for (MdmCommandKind kind :
        List.of(
            MdmCommandKind.ERASE,
            MdmCommandKind.LOCK,
            MdmCommandKind.ENABLE_LOST_MODE,
            MdmCommandKind.CLEAR_PASSCODE,
            MdmCommandKind.RESTART,
            MdmCommandKind.SHUT_DOWN,
            MdmCommandKind.SET_RECOVERY_LOCK,
            MdmCommandKind.SET_AUTO_ADMIN_PASSWORD,
            MdmCommandKind.DEVICE_LOCATION,
            MdmCommandKind.DELETE_USER)) {
      assertThat(kind.approval).as(kind.argument).isEqualTo(ApprovalClass.APPROVE);
    }
    assertThat(MdmCommandKind.DEVICE_INFORMATION.approval).isEqualTo(ApprovalClass.NONE);
    assertThat(MdmCommandKind.DISABLE_LOST_MODE.approval).isEqualTo(ApprovalClass.CONFIRM);
  }

  private static tools.jackson.databind.JsonNode sample(MdmCommandKind.Type type) {
    return switch (type) {
      case STRING -> Json.nodes().stringNode("x");
      case BOOLEAN -> Json.nodes().booleanNode(true);
      case INTEGER -> Json.nodes().numberNode(5);
      case STRINGS -> Json.mapper().createArrayNode().add("a");
      case OBJECT -> Json.object().put("enabled", true);
    };
  }

  private static String typeOf(Object value) {
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof Long || value instanceof Integer) {
      return "integer";
    }
    if (value instanceof List<?> list) {
      return "array<" + (list.isEmpty() ? "string" : typeOf(list.get(0))) + ">";
    }
    if (value instanceof Map) {
      return "object";
    }
    return "unknown " + value.getClass();
  }
}

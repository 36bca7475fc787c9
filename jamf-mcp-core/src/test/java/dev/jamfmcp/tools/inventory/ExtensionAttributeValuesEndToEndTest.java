package dev.jamfmcp.tools.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.JamfToolsFixture;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import dev.jamfmcp.simulator.inventory.AdminObjects;
import dev.jamfmcp.simulator.inventory.ExtensionAttributeValues;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Extension attribute values per device, through getDeviceDetails and getMobileDeviceDetails. */
class ExtensionAttributeValuesEndToEndTest {
  static JamfToolsFixture f;
  static AdminObjects objects;

  @BeforeAll
  static void start() {
    f = JamfToolsFixture.start();
    objects = AdminObjects.of(f.sim.fleet());
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @Test
  void computerDetailsShowEveryDefinitionWithThisMacsValue() {
    Computers c = f.sim.fleet().computers();
    int row = 5;
    JsonNode data =
        f.data(
            "getDeviceDetails",
            "{\"identifier\":\"" + c.id(row) + "\",\"sections\":[\"EXTENSION_ATTRIBUTES\"]}");
    JsonNode attributes = data.at("/inventory/extensionAttributes");
    List<ExtensionAttributeValues.Value> expected =
        ExtensionAttributeValues.computer(objects, c, row);
    assertThat(attributes.size()).isEqualTo(objects.computerAttributes().size());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode a = attributes.get(i);
      assertThat(a.get("name").asString()).isEqualTo(expected.get(i).definition().name());
      List<String> values = new ArrayList<>();
      a.get("values").forEach(v -> values.add(v.asString()));
      assertThat(values).isEqualTo(expected.get(i).values());
    }
    JsonNode costCenter = attributes.get(2);
    assertThat(costCenter.get("values").get(0).asString())
        .isEqualTo(ExtensionAttributeValues.costCenter(c.departmentId(row)));
    assertThat(costCenter.get("options").toString()).contains("CC-100");
    // The disabled definition is listed without a value.
    assertThat(attributes.get(3).get("enabled").asBoolean()).isFalse();
    assertThat(attributes.get(3).get("values").isEmpty()).isTrue();
  }

  @Test
  void mobileDetailsShowValuesMatchingTheListedDefinitions() {
    MobileDevice d =
        f.sim.fleet().mobileDevices().stream()
            .filter(m -> m.realName() != null && !m.realName().isEmpty())
            .findFirst()
            .orElseThrow();
    JsonNode data =
        f.data(
            "getMobileDeviceDetails",
            "{\"identifier\":\"" + d.id() + "\",\"sections\":[\"EXTENSION_ATTRIBUTES\"]}");
    JsonNode attributes = data.at("/extensionAttributes");
    JsonNode listed = f.data("listJamfObjects", "{\"kind\":\"mobileExtensionAttributes\"}");
    assertThat(attributes.size()).isEqualTo(objects.mobileAttributes().size()).isPositive();
    assertThat(attributes.get(0).get("name").asString()).isEqualTo("Asset Owner");
    assertThat(attributes.get(0).get("value").get(0).asString()).isEqualTo(d.realName());
    assertThat(attributes.get(1).get("value").get(0).asString())
        .isEqualTo(ExtensionAttributeValues.costCenter(d.departmentId()));
    assertThat(listed.toString()).contains("Asset Owner").contains("Cost Center");
  }
}

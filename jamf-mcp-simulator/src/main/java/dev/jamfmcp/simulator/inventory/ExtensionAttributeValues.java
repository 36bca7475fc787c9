package dev.jamfmcp.simulator.inventory;

import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The value each extension attribute of {@link AdminObjects} has on each device: a pure function of
 * the device, so inventory reads and tests agree. A disabled attribute has no value (Jamf Pro stops
 * collecting it).
 */
public final class ExtensionAttributeValues {

  /** One attribute on one device; {@code values} is empty when nothing was collected. */
  public record Value(AdminObjects.ExtensionAttribute definition, List<String> values) {}

  private ExtensionAttributeValues() {}

  /** The choices of the "Cost Center" pop-up menu, as its definition lists them. */
  public static final List<String> COST_CENTERS = List.of("CC-100", "CC-200");

  /** The cost center a department is booked on: one of {@link #COST_CENTERS}. */
  public static String costCenter(int departmentId) {
    return COST_CENTERS.get(Math.floorMod(departmentId, COST_CENTERS.size()));
  }

  public static List<Value> computer(AdminObjects objects, Computers c, int row) {
    List<Value> out = new ArrayList<>();
    for (AdminObjects.ExtensionAttribute a : objects.computerAttributes()) {
      String value =
          !a.enabled()
              ? null
              : switch (a.id()) {
                case 1 -> String.valueOf(Math.floorMod(c.id(row) * 37, 900) + 12);
                case 2 ->
                    Instant.ofEpochMilli(c.lastContactMillis(row) - 86_400_000L * (row % 9))
                        .atOffset(ZoneOffset.UTC)
                        .toLocalDate()
                        .toString();
                case 3 -> costCenter(c.departmentId(row));
                default -> null;
              };
      out.add(new Value(a, value == null ? List.of() : List.of(value)));
    }
    return out;
  }

  public static List<Value> mobile(AdminObjects objects, MobileDevice d) {
    List<Value> out = new ArrayList<>();
    for (AdminObjects.ExtensionAttribute a : objects.mobileAttributes()) {
      String value =
          !a.enabled()
              ? null
              : switch (a.id()) {
                case 1 -> d.realName() == null || d.realName().isEmpty() ? null : d.realName();
                case 2 -> costCenter(d.departmentId());
                default -> null;
              };
      out.add(new Value(a, value == null ? List.of() : List.of(value)));
    }
    return out;
  }
}

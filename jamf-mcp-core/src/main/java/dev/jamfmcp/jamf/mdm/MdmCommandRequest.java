package dev.jamfmcp.jamf.mdm;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An MDM command for one or more devices, addressed by management id (not inventory id). {@code
 * commandData} holds {@code commandType} plus the command's own fields, e.g. {@code
 * MdmCommandRequest.of("ENABLE_LOST_MODE", ids).with("lostModeMessage", "Call IT")}.
 */
public record MdmCommandRequest(List<String> managementIds, Map<String, Object> commandData) {

  public MdmCommandRequest {
    managementIds = List.copyOf(managementIds);
    if (managementIds.isEmpty()) {
      throw new IllegalArgumentException("an MDM command needs at least one management id");
    }
    commandData = Map.copyOf(commandData);
    if (!(commandData.get("commandType") instanceof String)) {
      throw new IllegalArgumentException("commandData needs a commandType");
    }
  }

  /** A command of {@code commandType} (e.g. RESTART_DEVICE, DEVICE_LOCK) for the given devices. */
  public static MdmCommandRequest of(String commandType, Collection<String> managementIds) {
    Objects.requireNonNull(commandType, "commandType");
    return new MdmCommandRequest(List.copyOf(managementIds), Map.of("commandType", commandType));
  }

  /** The same command with one more field in {@code commandData}. */
  public MdmCommandRequest with(String field, Object value) {
    Map<String, Object> data = new LinkedHashMap<>(commandData);
    data.put(field, value);
    return new MdmCommandRequest(managementIds, data);
  }

  public String commandType() {
    return (String) commandData.get("commandType");
  }
}

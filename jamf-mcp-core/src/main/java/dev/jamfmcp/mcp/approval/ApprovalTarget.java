package dev.jamfmcp.mcp.approval;

import java.util.Objects;

/**
 * One device (or other object) an approval acts on, as it was resolved when the preview was made,
 * so the person sees exactly what will be touched and the action is bound to these ids.
 *
 * @param kind e.g. {@code computer}, {@code mobileDevice}
 * @param jamfId the Jamf Pro id
 * @param managementId the MDM management id; {@code null} when the action does not use one
 * @param name the device name
 * @param serial the serial number; may be {@code null}
 * @param model the model; may be {@code null}
 * @param user the assigned user; may be {@code null}
 */
public record ApprovalTarget(
    String kind,
    String jamfId,
    String managementId,
    String name,
    String serial,
    String model,
    String user) {
  public ApprovalTarget {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(jamfId, "jamfId");
    Objects.requireNonNull(name, "name");
  }
}

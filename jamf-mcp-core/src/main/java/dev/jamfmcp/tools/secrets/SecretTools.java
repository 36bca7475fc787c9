package dev.jamfmcp.tools.secrets;

import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.Toolset;
import dev.jamfmcp.tools.support.Catalog;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secrets of a Mac, shown only to a person on the approval page (issue 14 point 6, issue 16 point
 * 5): the FileVault personal recovery key, a LAPS account's current password and the device-lock
 * PIN are approve-class reads; the LAPS settings, which are not secret, are a plain read.
 */
public final class SecretTools {
  private SecretTools() {}

  public static void register(Catalog catalog, ToolSupport support) {
    catalog.tool(Toolset.SECRETS, lapsSettings(support));
    catalog.tool(
        Toolset.SECRETS,
        new RevealSecret(
                support,
                "revealFileVaultKey",
                "Show a Mac's FileVault recovery key to the person",
                "FileVault personal recovery key",
                false,
                (device, args) -> {
                  JsonNode fv = support.jamf().computers().fileVault(device.id());
                  String key = fv.path("personalRecoveryKey").asString("");
                  return key.isEmpty() ? null : key;
                })
            .tool());
    catalog.tool(
        Toolset.SECRETS,
        new RevealSecret(
                support,
                "revealDeviceLockPin",
                "Show a Mac's device-lock PIN to the person",
                "device-lock PIN",
                false,
                (device, args) -> {
                  String pin =
                      support
                          .jamf()
                          .computers()
                          .deviceLockPin(device.id())
                          .path("pin")
                          .asString("");
                  return pin.isEmpty() ? null : pin;
                })
            .tool());
    catalog.tool(
        Toolset.SECRETS,
        new RevealSecret(
                support,
                "revealLapsPassword",
                "Show a Mac's local admin (LAPS) password to the person",
                "local admin (LAPS) password",
                true,
                (device, args) -> {
                  String username = ToolBodies.text(args, RevealSecret.USERNAME);
                  String password =
                      support
                          .jamf()
                          .computers()
                          .lapsPassword(device.managementId(), username)
                          .path("password")
                          .asString("");
                  return password.isEmpty() ? null : password;
                })
            .tool());
  }

  static Tool lapsSettings(ToolSupport support) {
    return Tool.builder("getLapsSettings")
        .title("LAPS settings")
        .description(
            "Jamf Pro's local administrator password (LAPS) settings: whether the managed admin"
                + " password is deployed and rotated automatically, and after how long it rotates"
                + " once viewed. Not secret. Passwords themselves: revealLapsPassword.")
        .inputSchema(Schemas.object().build())
        .outputSchema(
            Schemas.object()
                .property("autoDeployEnabled", Schemas.typed("boolean", "Deployed automatically"))
                .property(
                    "passwordRotationTime",
                    Schemas.typed("integer", "Seconds after a view until the password rotates"))
                .property("autoRotateEnabled", Schemas.typed("boolean", "Rotated on a schedule"))
                .property(
                    "autoRotateExpirationTime",
                    Schemas.typed("integer", "Seconds until an unviewed password rotates"))
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            ToolBodies.read(
                (args, ctx) -> {
                  JsonNode s = support.jamf().computers().lapsSettings();
                  ObjectNode out = Json.object();
                  out.put("autoDeployEnabled", s.path("autoDeployEnabled").asBoolean(false));
                  out.put("passwordRotationTime", s.path("passwordRotationTime").asLong(0));
                  out.put("autoRotateEnabled", s.path("autoRotateEnabled").asBoolean(false));
                  out.put("autoRotateExpirationTime", s.path("autoRotateExpirationTime").asLong(0));
                  return ToolResult.structured(
                      "LAPS: automatic deployment "
                          + (out.path("autoDeployEnabled").asBoolean() ? "on" : "off")
                          + ", rotation "
                          + out.path("passwordRotationTime").asLong()
                          + " s after a view, scheduled rotation "
                          + (out.path("autoRotateEnabled").asBoolean() ? "on" : "off")
                          + ".",
                      out);
                }))
        .build();
  }
}

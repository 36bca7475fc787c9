package dev.jamfmcp.redis;

import dev.jamfmcp.mcp.approval.ApprovalRequest;
import dev.jamfmcp.mcp.approval.ApprovalState;
import dev.jamfmcp.mcp.approval.ApprovalTarget;
import dev.jamfmcp.mcp.approval.PendingApproval;
import dev.jamfmcp.mcp.confirm.PendingAction;
import dev.jamfmcp.mcp.confirm.Preview;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.ApprovalClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Approvals and pending actions as JSON in Redis, written out field by field (no reflection, so the
 * stored form is stable and nothing outside these records is ever written). The values hold the
 * secrets the server generated for an action (shown only on the approval page): they live in Redis
 * as they live in memory on one instance, until the approval or action expires.
 */
final class StoredJson {
  private StoredJson() {}

  static String approval(PendingApproval a) {
    ObjectNode o = Json.object();
    o.put("id", a.id());
    o.set("request", request(a.request()));
    o.put("state", a.state().name());
    o.put("createdAt", a.createdAt().toString());
    o.put("expiresAt", a.expiresAt().toString());
    o.put("secondPersonRequired", a.secondPersonRequired());
    ArrayNode approvers = o.putArray("approvedBy");
    a.approvedBy().forEach(approvers::add);
    if (a.declinedBy() != null) {
      o.put("declinedBy", a.declinedBy());
    }
    o.put("version", a.version());
    return o.toString();
  }

  static PendingApproval approval(String text) {
    JsonNode o = Json.mapper().readTree(text);
    List<String> approvers = new ArrayList<>();
    o.path("approvedBy").forEach(n -> approvers.add(n.asString()));
    return new PendingApproval(
        o.get("id").asString(),
        request(o.get("request")),
        ApprovalState.valueOf(o.get("state").asString()),
        Instant.parse(o.get("createdAt").asString()),
        Instant.parse(o.get("expiresAt").asString()),
        o.path("secondPersonRequired").asBoolean(false),
        approvers,
        text(o, "declinedBy"),
        o.get("version").asLong());
  }

  static String action(PendingAction a) {
    ObjectNode o = Json.object();
    o.put("id", a.id());
    o.put("principal", a.principal());
    o.put("tool", a.tool());
    o.put("approval", a.approval().name());
    ArrayNode targets = o.putArray("targets");
    a.targets().forEach(targets::add);
    Preview p = a.preview();
    ObjectNode preview = o.putObject("preview");
    preview.put("action", p.action());
    preview.put("summary", p.summary());
    ArrayNode lines = preview.putArray("targets");
    p.targets().forEach(lines::add);
    preview.put("irreversible", p.irreversible());
    if (p.typedPhrase() != null) {
      preview.put("typedPhrase", p.typedPhrase());
    }
    ObjectNode secrets = o.putObject("generatedSecrets");
    a.generatedSecrets().forEach(secrets::put);
    o.put("expiresAt", a.expiresAt().toString());
    return o.toString();
  }

  static PendingAction action(String text) {
    JsonNode o = Json.mapper().readTree(text);
    JsonNode p = o.get("preview");
    Map<String, String> secrets = new LinkedHashMap<>();
    o.path("generatedSecrets")
        .properties()
        .forEach(e -> secrets.put(e.getKey(), e.getValue().asString()));
    return new PendingAction(
        o.get("id").asString(),
        text(o, "principal"),
        text(o, "tool"),
        ApprovalClass.valueOf(o.get("approval").asString()),
        strings(o.path("targets")),
        new Preview(
            p.get("action").asString(),
            p.get("summary").asString(),
            strings(p.path("targets")),
            p.path("irreversible").asBoolean(false),
            text(p, "typedPhrase")),
        secrets,
        Instant.parse(o.get("expiresAt").asString()));
  }

  private static ObjectNode request(ApprovalRequest r) {
    ObjectNode o = Json.object();
    o.put("subject", r.subject());
    o.put("tool", r.tool());
    o.put("action", r.action());
    o.put("summary", r.summary());
    ArrayNode targets = o.putArray("targets");
    for (ApprovalTarget t : r.targets()) {
      ObjectNode n = targets.addObject();
      n.put("kind", t.kind());
      n.put("jamfId", t.jamfId());
      putIfSet(n, "managementId", t.managementId());
      n.put("name", t.name());
      putIfSet(n, "serial", t.serial());
      putIfSet(n, "model", t.model());
      putIfSet(n, "user", t.user());
    }
    o.put("irreversible", r.irreversible());
    o.put("phrase", r.phrase());
    putIfSet(o, "secret", r.secret());
    o.put("previewDigest", r.previewDigest());
    return o;
  }

  private static ApprovalRequest request(JsonNode o) {
    List<ApprovalTarget> targets = new ArrayList<>();
    for (JsonNode n : o.path("targets")) {
      targets.add(
          new ApprovalTarget(
              n.get("kind").asString(),
              n.get("jamfId").asString(),
              text(n, "managementId"),
              n.get("name").asString(),
              text(n, "serial"),
              text(n, "model"),
              text(n, "user")));
    }
    return new ApprovalRequest(
        o.get("subject").asString(),
        o.get("tool").asString(),
        o.get("action").asString(),
        o.get("summary").asString(),
        targets,
        text(o, "irreversible"),
        o.get("phrase").asString(),
        text(o, "secret"),
        o.get("previewDigest").asString());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  private static void putIfSet(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }

  private static String text(JsonNode o, String name) {
    JsonNode n = o.get(name);
    return n == null || n.isNull() ? null : n.asString();
  }
}

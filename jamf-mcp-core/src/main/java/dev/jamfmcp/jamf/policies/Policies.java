package dev.jamfmcp.jamf.policies;

import dev.jamfmcp.jamf.ClassicRef;
import dev.jamfmcp.jamf.internal.Endpoints;
import dev.jamfmcp.jamf.internal.Operations;
import dev.jamfmcp.jamf.internal.Transport;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/**
 * Policies, which exist only in the Classic API. There is no "run this policy now" call: a policy
 * runs at check-in or on its trigger for computers in scope. Flushing its log re-arms a "once per
 * computer" policy; a blank push ({@code JamfClient.mdm()}) makes devices check in sooner. Obtain
 * from {@code JamfClient.policies()}.
 */
public final class Policies {

  private final Transport transport;

  static {
    Operations.register(Policies.class, Policies::new);
  }

  /** Obtained from {@code JamfClient}, which builds it with {@link Operations}. */
  private Policies(Transport transport) {
    this.transport = transport;
  }

  /** Id and name of every policy. */
  public List<ClassicRef> list() {
    return transport.classic(
        Endpoints.POLICIES.request(), "policies", new TypeReference<List<ClassicRef>>() {});
  }

  /** Id and name of the policies in one category (by category name), in one request. */
  public List<ClassicRef> listByCategory(String categoryName) {
    return transport.classic(
        Endpoints.POLICIES_BY_CATEGORY.request(categoryName),
        "policies",
        new TypeReference<List<ClassicRef>>() {});
  }

  public Policy get(int id) {
    return transport.classic(
        Endpoints.POLICY.request(id), "policy", new TypeReference<Policy>() {});
  }

  /**
   * Switches a policy on or off (Classic PUT of {@code <policy><general><enabled>}, the one field
   * sent, so nothing else of the policy changes).
   */
  public void setEnabled(int policyId, boolean enabled) {
    String xml = "<policy><general><enabled>" + enabled + "</enabled></general></policy>";
    transport.call(
        Endpoints.POLICY_UPDATE
            .request(policyId)
            .body(xml.getBytes(StandardCharsets.UTF_8), "application/xml"));
  }

  /** Flushes the policy's whole log, so that it runs again on every computer in scope. */
  public void flushLog(int policyId) {
    transport.call(Endpoints.POLICY_LOG_FLUSH.request(policyId, "Zero+Days"));
  }

  /**
   * Flushes the policy's log for the given computers only (Classic XML body, as the API requires).
   */
  public void flushLog(int policyId, Collection<Integer> computerIds) {
    if (computerIds.isEmpty()) {
      throw new IllegalArgumentException("name at least one computer, or use flushLog(policyId)");
    }
    StringBuilder xml =
        new StringBuilder("<logflush><log>policy</log><log_id>")
            .append(policyId)
            .append("</log_id><interval>Zero Days</interval><computers>");
    for (int id : computerIds) {
      xml.append("<computer><id>").append(id).append("</id></computer>");
    }
    xml.append("</computers></logflush>");
    transport.call(
        Endpoints.LOG_FLUSH
            .request()
            .body(xml.toString().getBytes(StandardCharsets.UTF_8), "application/xml"));
  }
}

/**
 * The framework-free MCP engine, the Jamf Pro client and the Jamf tools.
 *
 * <p>Only the API packages are exported. Not exported: every {@code .internal} package and the
 * feature packages of the Jamf tools ({@code dev.jamfmcp.tools.devices}, {@code .support}, ...),
 * which an embedder reaches through {@link dev.jamfmcp.tools.JamfTools}. On the class path (how our
 * own executable, benchmarks and load harness run) every public type stays visible; this descriptor
 * is the contract for modular applications and jlink. The exported API, member by member, is listed
 * in {@code jamf-mcp-core/api/jamf-mcp-core.api}, which {@code PublicApiTest} compares with the
 * build.
 */
module dev.jamfmcp.core {
  // JsonNode and ObjectNode are part of the API (arguments, results, schemas)
  requires transitive tools.jackson.databind;
  requires com.fasterxml.jackson.annotation;
  requires com.networknt.schema;
  requires java.net.http;
  requires org.slf4j;

  exports dev.jamfmcp.mcp;
  exports dev.jamfmcp.mcp.approval;
  exports dev.jamfmcp.mcp.audit;
  exports dev.jamfmcp.mcp.cluster;
  exports dev.jamfmcp.mcp.confirm;
  exports dev.jamfmcp.mcp.http;
  exports dev.jamfmcp.mcp.jsonrpc;
  exports dev.jamfmcp.mcp.prompt;
  exports dev.jamfmcp.mcp.resource;
  exports dev.jamfmcp.mcp.stdio;
  exports dev.jamfmcp.mcp.tool;
  exports dev.jamfmcp.jamf;
  exports dev.jamfmcp.jamf.computers;
  exports dev.jamfmcp.jamf.groups;
  exports dev.jamfmcp.jamf.inventory;
  exports dev.jamfmcp.jamf.mdm;
  exports dev.jamfmcp.jamf.mobile;
  exports dev.jamfmcp.jamf.org;
  exports dev.jamfmcp.jamf.patch;
  exports dev.jamfmcp.jamf.policies;
  exports dev.jamfmcp.jamf.profiles;
  exports dev.jamfmcp.jamf.scripts;
  exports dev.jamfmcp.jamf.updates;
  exports dev.jamfmcp.tools;

  // Jackson binds Jamf's JSON to these packages' records, some of them not public
  opens dev.jamfmcp.jamf to
      tools.jackson.databind;
  opens dev.jamfmcp.jamf.computers to
      tools.jackson.databind;
  opens dev.jamfmcp.jamf.groups to
      tools.jackson.databind;
  opens dev.jamfmcp.jamf.inventory to
      tools.jackson.databind;
  opens dev.jamfmcp.jamf.internal to
      tools.jackson.databind;
  opens dev.jamfmcp.jamf.mdm to
      tools.jackson.databind;
  opens dev.jamfmcp.jamf.mobile to
      tools.jackson.databind;
  opens dev.jamfmcp.jamf.org to
      tools.jackson.databind;
  opens dev.jamfmcp.jamf.patch to
      tools.jackson.databind;
  opens dev.jamfmcp.jamf.policies to
      tools.jackson.databind;
  opens dev.jamfmcp.jamf.profiles to
      tools.jackson.databind;
  opens dev.jamfmcp.jamf.scripts to
      tools.jackson.databind;
  opens dev.jamfmcp.jamf.updates to
      tools.jackson.databind;
}

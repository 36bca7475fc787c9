package dev.jamfmcp.mcp.resource;

import dev.jamfmcp.mcp.RequestContext;
import java.util.List;
import java.util.Map;

/**
 * Reads a resource. {@code variables} holds the values of a template's {@code {name}} parts (empty
 * for a fixed resource). Throw {@link ResourceNotFoundException} when nothing is there.
 */
@FunctionalInterface
public interface ResourceReader {
  List<ResourceContents> read(String uri, Map<String, String> variables, RequestContext context)
      throws Exception;
}

package dev.jamfmcp.mcp.prompt;

import dev.jamfmcp.mcp.RequestContext;
import java.util.List;
import java.util.Map;

/** Renders a prompt from its arguments (required ones are checked before it runs). */
@FunctionalInterface
public interface PromptHandler {
  List<PromptMessage> render(Map<String, String> arguments, RequestContext context)
      throws Exception;
}

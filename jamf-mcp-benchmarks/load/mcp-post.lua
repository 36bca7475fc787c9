-- wrk: POST one JSON-RPC request per call to an initialized Streamable HTTP session.
-- env: MCP_SESSION (the Mcp-Session-Id), MCP_BODY (the JSON-RPC request text)
wrk.method = "POST"
wrk.body = os.getenv("MCP_BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["MCP-Protocol-Version"] = "2025-06-18"
wrk.headers["Mcp-Session-Id"] = os.getenv("MCP_SESSION")

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end

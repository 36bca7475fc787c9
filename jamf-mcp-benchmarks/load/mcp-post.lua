-- wrk: POST one JSON-RPC request per call to an initialized Streamable HTTP session, each with
-- its own id, and check every reply's body.
-- env: MCP_SESSION  the Mcp-Session-Id
--      MCP_BODY     the JSON-RPC request text with the placeholder @ID@ where the id goes:
--                   {"jsonrpc":"2.0","id":@ID@,"method":"tools/list","params":{}}
--      MCP_RUN      a number (1-9000) that differs between the wrk runs of one session (0)
--      MCP_EXPECT   text every successful reply must contain ("result")
--
-- Ids: the same id on every connection would make a conforming server reject all but one of the
-- requests in flight (-32600 "a request with id N is already in progress"), and a status-only check
-- would count those rejections as served. Each thread numbers its own requests, so the id
-- (MCP_RUN * 1000 + thread) * 10^9 + n is unique within the session across threads and runs.
--
-- Replies: wrk's Lua has no JSON parser, so the check is on the text (both servers under test
-- write compact JSON, as JSON or as one SSE event). A reply counts as a success only when the
-- status is 200, the body holds a "result" member and MCP_EXPECT, and holds neither an "error"
-- member (a JSON-RPC error) nor "isError": true (a failed tool call). Anything else is a failure:
-- the first few are printed to stderr, and done() prints one line the caller must read:
--   mcp-replies: ok=N failed=M socket-errors=K
local template = os.getenv("MCP_BODY") or ""
assert(template:find("@ID@", 1, true), "MCP_BODY must hold the placeholder @ID@ for the request id")
local run = tonumber(os.getenv("MCP_RUN") or "0")
local expect = os.getenv("MCP_EXPECT") or '"result"'
local SHOWN = 3 -- failures printed per thread

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["MCP-Protocol-Version"] = "2025-06-18"
wrk.headers["Mcp-Session-Id"] = os.getenv("MCP_SESSION")

-- main state: every thread, to add up their counts in done()
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

-- thread state (each thread has its own Lua state; thread_number is set by setup())
n = 0
ok = 0
failed = 0

function request()
  n = n + 1
  local id = string.format("%d%09d", run * 1000 + thread_number, n)
  return wrk.format(nil, nil, nil, (template:gsub("@ID@", id)))
end

local function failure(status, body)
  failed = failed + 1
  if failed <= SHOWN then
    io.stderr:write(string.format("mcp-post.lua: failed reply (HTTP %d): %s\n", status,
      (body or ""):sub(1, 300)))
  end
end

function response(status, headers, body)
  if status ~= 200 or body == nil
      or not body:find('"result"%s*:')
      or not body:find(expect, 1, true)
      or body:find('"error"%s*:')
      or body:find('"isError"%s*:%s*true') then
    failure(status, body)
  else
    ok = ok + 1
  end
end

function done(summary, latency, requests)
  local total_ok, total_failed = 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_failed = total_failed + thread:get("failed")
  end
  local e = summary.errors
  io.write(string.format("mcp-replies: ok=%d failed=%d socket-errors=%d\n", total_ok, total_failed,
    e.connect + e.read + e.write + e.timeout))
end

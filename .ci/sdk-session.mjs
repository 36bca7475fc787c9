// One scripted MCP session with the official TypeScript SDK client: connect (initialize),
// list tools, call one tool, and fail loudly on anything unexpected.
// usage: node sdk-session.mjs <http|sse> <base url> <tool> '<json arguments>'
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';

const [kind, base, tool, json] = process.argv.slice(2);
if (!kind || !base || !tool) {
  console.error("usage: node sdk-session.mjs <http|sse> <base url> <tool> '<json arguments>'");
  process.exit(2);
}
const args = JSON.parse(json ?? '{}');
const transport = kind === 'sse'
  ? new SSEClientTransport(new URL('/sse', base))
  : new StreamableHTTPClientTransport(new URL('/mcp', base));
const client = new Client({ name: 'jamf-mcp-ci', version: '1.0.0' });

await client.connect(transport);
const server = client.getServerVersion();
console.log(`  initialized over ${kind}: ${server.name} ${server.version}`);
const { tools } = await client.listTools();
console.log(`  tools/list: ${tools.map((t) => t.name).join(', ')}`);
if (!tools.some((t) => t.name === tool)) {
  throw new Error(`tool ${tool} is not listed`);
}
const result = await client.callTool({ name: tool, arguments: args });
const text = (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join(' ');
console.log(`  tools/call ${tool}: ${text.slice(0, 200)}`);
if (result.isError) {
  throw new Error(`tool ${tool} answered isError: ${text}`);
}
await client.close();

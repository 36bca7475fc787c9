// One scripted MCP session with the official TypeScript SDK client: connect (initialize),
// list tools, call one tool, and fail loudly on anything unexpected.
//
// usage: node sdk-session.mjs <http|sse> <base url> <tool> '<json arguments>' [simulator url]
//
// MCP_CI_TOKEN (environment, never the command line): a bearer token sent on every request of
// both transports (requestInit headers; the SDK adds them to the SSE GET as well).
// With a simulator url and the tool checkDeviceCompliance, the answer must equal the simulator's
// ground truth (/__sim/ground-truth/compliance) exactly, not merely be free of errors.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';

const [kind, base, tool, json, simulator] = process.argv.slice(2);
if (!['http', 'sse'].includes(kind) || !base || !tool) {
  console.error(
    "usage: node sdk-session.mjs <http|sse> <base url> <tool> '<json arguments>' [simulator url]");
  process.exit(2);
}
const args = JSON.parse(json ?? '{}');
const token = process.env.MCP_CI_TOKEN;
const requestInit = token ? { headers: { Authorization: `Bearer ${token}` } } : undefined;
const transport = kind === 'sse'
  ? new SSEClientTransport(new URL('/sse', base), { requestInit })
  : new StreamableHTTPClientTransport(new URL('/mcp', base), { requestInit });
const client = new Client({ name: 'jamf-mcp-ci', version: '1.0.0' });

/** The simulator's exact answer for checkDeviceCompliance with these arguments. */
async function groundTruth(days) {
  const url = new URL('/__sim/ground-truth/compliance', simulator);
  url.searchParams.set('daysSinceLastCheckin', String(days));
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  }
  return response.json();
}

const FIELDS = ['total', 'compliant', 'noncompliant', 'critical90Plus', 'warning', 'neverContacted'];
const differences = (summary, truth) =>
  FIELDS.filter((f) => summary?.[f] !== truth[f]).map((f) => `${f} ${summary?.[f]} != ${truth[f]}`);

/** Checks a checkDeviceCompliance result against the simulator; throws on any difference. */
async function checkCompliance(result, before) {
  const days = args.daysSinceLastCheckin ?? 30;
  const after = await groundTruth(days);
  const s = result.structuredContent?.summary;
  if (!s) {
    throw new Error('checkDeviceCompliance returned no structuredContent.summary');
  }
  // Time passes between the call and the ground truth; a computer crossing the cutoff in that
  // second would change the answer. Accept either instant's truth, but nothing else.
  const mismatch = differences(s, after);
  if (mismatch.length > 0 && differences(s, before).length > 0) {
    throw new Error(`checkDeviceCompliance disagrees with the simulator: ${mismatch.join(', ')}`);
  }
  if (s.total <= 0 || s.noncompliant <= 0 || s.compliant <= 0) {
    throw new Error(`a degenerate fleet proves nothing: ${JSON.stringify(s)}`);
  }
  const limit = args.limit ?? 100;
  const devices = result.structuredContent.devices ?? [];
  // Macs that never checked in are counted but cannot be listed (no Jamf filter selects a
  // missing check-in time); the tool says so in its note.
  const listable = s.noncompliant - (s.neverContacted ?? 0);
  if (devices.length !== Math.min(listable, limit)) {
    throw new Error(`${devices.length} devices listed, expected min(${listable}, ${limit})`);
  }
  if (result.structuredContent.truncated !== devices.length < s.noncompliant) {
    throw new Error(`truncated is ${result.structuredContent.truncated}`);
  }
  if ((s.neverContacted ?? 0) > 0 && !String(result.structuredContent.note ?? '').includes('never checked in')) {
    throw new Error(`no note on the ${s.neverContacted} computers that never checked in`);
  }
  for (let i = 0; i < devices.length; i++) {
    const d = devices[i];
    if (!(d.daysSince >= days)) {
      throw new Error(`listed device ${d.id} checked in ${d.daysSince} days ago, under ${days}`);
    }
    if (i > 0 && devices[i - 1].lastContactTime > d.lastContactTime) {
      throw new Error('devices are not listed oldest check-in first');
    }
  }
  const expected = `${s.noncompliant} of ${s.total} computers have not checked in for ${days}+ days`;
  const text = (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join(' ');
  if (!text.startsWith(expected)) {
    throw new Error(`text content does not start with "${expected}": ${text.slice(0, 200)}`);
  }
  console.log(`  matches the simulator's ground truth: ${FIELDS.map((f) => `${f}=${s[f]}`).join(' ')}`
    + `, ${devices.length} devices listed oldest first`);
}

await client.connect(transport);
const server = client.getServerVersion();
console.log(`  initialized over ${kind}: ${server.name} ${server.version}`);
const tools = [];
let cursor;
do {
  const page = await client.listTools(cursor ? { cursor } : {});
  tools.push(...page.tools);
  cursor = page.nextCursor;
} while (cursor);
console.log(`  tools/list: ${tools.length} tools: ${tools.map((t) => t.name).join(', ')}`);
if (!tools.some((t) => t.name === tool)) {
  throw new Error(`tool ${tool} is not listed`);
}
const compliance = simulator && tool === 'checkDeviceCompliance';
const before = compliance ? await groundTruth(args.daysSinceLastCheckin ?? 30) : null;
const result = await client.callTool({ name: tool, arguments: args });
const text = (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join(' ');
console.log(`  tools/call ${tool}: ${text.slice(0, 200)}`);
if (result.isError) {
  throw new Error(`tool ${tool} answered isError: ${text}`);
}
if (compliance) {
  await checkCompliance(result, before);
}
await client.close();

// A load worker: holds `count` real socket.io-client connections (WebSocket) to one server,
// spread over loopback source addresses, and reports on stdout as JSON lines. The run
// (RunBench) starts several, each well under the per-process open-file limit.
//
// argv[2]: JSON { url, from, count, concurrency, sources, userPrefix, conversations: [{ prefix, size }],
//                 secret, issuer, audience }
// stdin commands (JSON lines): {"cmd":"stats","samples":bool} (counts since the last stats, latencies
// in ms when samples) | {"cmd":"stall","count":n} | {"cmd":"close"}
import { createInterface } from 'node:readline';
import { io } from 'socket.io-client';
import { SignJWT } from 'jose';

const spec = JSON.parse(process.argv[2]);
const key = new TextEncoder().encode(spec.secret);
const sockets = [];
let latencies = [];
let received = 0;
let errors = 0;
const say = (message) => process.stdout.write(JSON.stringify(message) + '\n');
const nowMicros = () => (performance.timeOrigin + performance.now()) * 1000;

function token(userId) {
  return new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setIssuer(spec.issuer)
    .setAudience(spec.audience).setIssuedAt().setExpirationTime('2h').sign(key);
}

function onEvent(document) {
  received++;
  if (typeof document?.sentAtMicros === 'number') latencies.push((nowMicros() - document.sentAtMicros) / 1000);
}

async function connectOne(index) {
  const userId = `${spec.userPrefix}${index}`;
  const socket = io(`${spec.url}/portfolio`, {
    auth: { token: await token(userId) }, transports: ['websocket'], reconnection: false, forceNew: true,
    localAddress: spec.sources[index % spec.sources.length], timeout: 60000,
  });
  socket.on('notification:new', onEvent);
  socket.on('message:new', onEvent);
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  for (const { prefix, size } of spec.conversations) {
    const answer = await socket.timeout(60000).emitWithAck('join-conversation', `${prefix}${Math.floor(index / size)}`);
    if (!answer?.ok) throw new Error(`join refused: ${JSON.stringify(answer)}`);
  }
  sockets.push(socket);
}

async function connectAll() {
  const started = performance.now();
  let next = spec.from;
  const end = spec.from + spec.count;
  async function lane() {
    while (next < end) {
      const index = next++;
      try {
        await connectOne(index);
      } catch (error) {
        errors++;
        if (errors <= 3) console.error(`client ${index}: ${error.message}`);
      }
    }
  }
  await Promise.all(Array.from({ length: spec.concurrency }, lane));
  say({ type: 'connected', connected: sockets.length, errors, ms: performance.now() - started });
}

function percentile(sorted, p) {
  return sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function stats(withSamples) {
  const sorted = Float64Array.from(latencies).sort();
  say({ type: 'stats', received, samples: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1] : null, open: sockets.filter((s) => s.connected).length,
    latencies: withSamples ? Array.from(sorted, (ms) => Math.round(ms * 100) / 100) : undefined });
  latencies = [];
  received = 0;
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line);
  if (command.cmd === 'stats') {
    stats(command.samples === true);
  } else if (command.cmd === 'stall') {
    // Stop reading, like a client on a dead network: TCP back-pressure reaches the server.
    const stalled = sockets.slice(0, command.count);
    stalled.forEach((s) => s.io.engine.transport.ws._socket.pause());
    say({ type: 'stalled', count: stalled.length });
  } else if (command.cmd === 'close') {
    sockets.forEach((s) => s.close());
    say({ type: 'closed' });
    process.exit(0);
  }
});
process.stdin.on('end', () => process.exit(0));
connectAll();

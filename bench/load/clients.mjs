// A load worker: holds `count` real socket.io-client connections (WebSocket) to one server,
// spread over loopback source addresses, and reports on stdout as JSON lines. The run
// (RunBench) starts several, each well under the per-process open-file limit.
//
// argv[2]: JSON { url, from, count, concurrency, sources, userPrefix, conversations: [{ prefix, size, of?, shift? }],
//                 secret, issuer, audience, timeoutMs?, transports? } — transports defaults to ['websocket']; client i joins `${prefix}${(floor(i / size) + shift) % of}`
// stdin commands (JSON lines): {"cmd":"stats","samples":bool} (counts since the last stats, latencies
// in ms when samples) | {"cmd":"stall","count":n} | {"cmd":"resume"} | {"cmd":"probe"} | {"cmd":"close"}
// | {"cmd":"drop"} (every client loses its transport) | {"cmd":"reconnect"} (all come back at once, with
// their session id and offset, as socket.io-client does: connection state recovery)
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { createInterface } from 'node:readline';
import { io } from 'socket.io-client';
import { SignJWT } from 'jose';

const spec = JSON.parse(process.argv[2]);
const key = new TextEncoder().encode(spec.secret);
const sockets = [];
let latencies = [];
let received = 0;
let errors = 0;
const refused = { http503: 0, httpOther: 0, reset: 0, timeout: 0, other: 0 }; // failed connects, by answer
const reasons = {}; // the same, by the error's own text
const stalled = [];
let stalledClosed = 0;
const say = (message) => process.stdout.write(JSON.stringify(message) + '\n');
// The publisher stamps wall-clock time. performance.now() is monotonic and drifts from it (one CI
// run's latencies went from -9 to -97 ms in two minutes), so re-anchor it every second at a
// Date.now() tick, where the millisecond clock's truncation error is near zero.
let wallOffsetMs = performance.timeOrigin;
function anchorWallClock() {
  const before = Date.now();
  let tick;
  while ((tick = Date.now()) === before) { /* spin to the next millisecond, at most 1 ms */ }
  wallOffsetMs = tick - performance.now();
}
anchorWallClock();
setInterval(anchorWallClock, 1000).unref();
const nowMicros = () => (wallOffsetMs + performance.now()) * 1000;

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
    auth: { token: await token(userId) }, transports: spec.transports ?? ['websocket'], reconnection: false, forceNew: true,
    localAddress: spec.sources[index % spec.sources.length], timeout: spec.timeoutMs ?? 60000,
  });
  socket.on('notification:new', onEvent);
  socket.on('message:new', onEvent);
  try {
    await new Promise((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    for (const { prefix, size, of, shift } of spec.conversations) {
      const room = `${prefix}${(Math.floor(index / size) + (shift ?? 0)) % (of ?? Infinity)}`;
      const answer = await socket.timeout(60000).emitWithAck('join-conversation', room);
      if (!answer?.ok) throw new Error(`join refused: ${JSON.stringify(answer)}`);
    }
  } catch (error) {
    socket.close(); // a half-set-up client must not stay open, uncounted
    throw error;
  }
  sockets.push(socket);
}

// How a refused connect was answered. socket.io-client reports a failed WebSocket handshake as
// 'websocket error' with ws's ErrorEvent as description ("Unexpected server response: 503",
// "read ECONNRESET", ...).
function classify(error) {
  const detail = error?.description?.message ?? error?.message ?? String(error);
  const code = error?.description?.error?.code ?? error?.code;
  const status = /Unexpected server response: (\d+)/.exec(detail)?.[1];
  const kind = status === '503' ? 'http503' : status ? 'httpOther'
    : ['ECONNRESET', 'EPIPE'].includes(code) || /ECONNRESET|socket hang up/.test(detail) ? 'reset'
      : error?.message === 'timeout' || code === 'ETIMEDOUT' ? 'timeout' : 'other';
  refused[kind]++;
  reasons[detail] = (reasons[detail] ?? 0) + 1;
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
        classify(error);
        if (errors <= 3) console.error(`client ${index}: ${error.message}`);
      }
    }
  }
  await Promise.all(Array.from({ length: spec.concurrency }, lane));
  say({ type: 'connected', connected: sockets.length, errors, refused, reasons, ms: performance.now() - started });
}

function percentile(sorted, p) {
  return sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function stats(withSamples) {
  const sorted = Float64Array.from(latencies).sort();
  say({ type: 'stats', received, samples: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1] : null, open: sockets.filter((s) => s.connected).length, stalledClosed,
    latencies: withSamples ? Array.from(sorted, (ms) => Math.round(ms * 100) / 100) : undefined });
  latencies = [];
  received = 0;
}

// All clients back at once (spec.concurrency at a time, as for the first connects).
async function reconnectAll() {
  const started = performance.now();
  let next = 0;
  let recovered = 0;
  let failed = 0;
  async function lane() {
    while (next < sockets.length) {
      const s = sockets[next++];
      try {
        await new Promise((resolve, reject) => {
          s.once('connect', resolve);
          s.once('connect_error', reject);
          s.connect();
        });
        if (s.recovered) recovered++;
      } catch (error) {
        failed++;
        if (failed <= 3) console.error(`reconnect: ${error.message}`);
      }
    }
  }
  await Promise.all(Array.from({ length: spec.concurrency }, lane));
  return { type: 'reconnected', connected: sockets.filter((s) => s.connected).length, recovered, errors: failed,
    ms: performance.now() - started };
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line);
  if (command.cmd === 'stats') {
    stats(command.samples === true);
  } else if (command.cmd === 'stall') {
    // Stop reading, like a client on a dead network: TCP back-pressure reaches the server. Its
    // own ping timer stops too (a frozen client would not close itself): what the server does is measured.
    for (const s of sockets.slice(0, command.count).filter((s) => !stalled.includes(s))) {
      s.io.engine.transport.ws._socket.pause();
      s.io.engine.clearTimeoutFn(s.io.engine._pingTimeoutTimer);
      s.once('disconnect', () => stalledClosed++);
      stalled.push(s);
    }
    say({ type: 'stalled', count: stalled.length });
  } else if (command.cmd === 'resume') {
    // Reading again drains what the kernel holds; a server that closed the socket is then seen to have.
    stalled.forEach((s) => s.io.engine.transport?.ws?._socket?.resume());
    say({ type: 'resumed', count: stalled.length });
  } else if (command.cmd === 'probe') {
    probe().then(say);
  } else if (command.cmd === 'drop') {
    let gone = 0;
    for (const s of sockets) {
      s.once('disconnect', () => { gone += 1; if (gone === sockets.length) say({ type: 'dropped', count: gone }); });
      s.io.engine.close();
    }
    if (sockets.length === 0) say({ type: 'dropped', count: 0 });
  } else if (command.cmd === 'reconnect') {
    reconnectAll().then(say);
  } else if (command.cmd === 'close') {
    sockets.forEach((s) => s.close());
    say({ type: 'closed' });
    process.exit(0);
  }
});
// One raw WebSocket upgrade request: the status and Retry-After socket.io-client does not expose.
function probe() {
  return new Promise((resolve) => {
    const request = httpRequest(new URL('/socket.io/?EIO=4&transport=websocket', spec.url), {
      timeout: 10000,
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64') },
    });
    request.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve({ type: 'probe', status: 101 });
    });
    request.on('response', (response) => {
      response.resume();
      resolve({ type: 'probe', status: response.statusCode, retryAfter: response.headers['retry-after'] ?? null });
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) => resolve({ type: 'probe', status: null, error: error.code ?? error.message }));
    request.end();
  });
}

process.stdin.on('end', () => process.exit(0));
connectAll();

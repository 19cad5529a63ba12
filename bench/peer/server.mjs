// The peer: a Node socket.io 4.8 server doing the bridge's job — namespace /portfolio, the same
// JWT check (HS256, issuer, audience, the same user-id claims), the same rooms, acks and events —
// fed by the same Artemis topics over AMQP. What the benchmark compares the bridge against.
//
// Env: PEER_PORT, PORTFOLIO_JWT_SECRET, PORTFOLIO_JWT_ISSUER, PORTFOLIO_JWT_AUDIENCE,
//      PORTFOLIO_ARTEMIS_HOST/PORT/USER/PASSWORD, PEER_PING_INTERVAL_MS/PEER_PING_TIMEOUT_MS (socket.io's
//      defaults, 25000/20000). Run with --expose-gc for GET /stats; GET /connections runs no GC.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { jwtVerify, errors } from 'jose';
import rhea from 'rhea';

const env = process.env;
const secret = new TextEncoder().encode(env.PORTFOLIO_JWT_SECRET);
const CONVERSATION_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

const closes = {}; // server-side disconnects by reason ('ping timeout', 'transport close', ...)
const http = createServer((request, response) => {
  if (request.url === '/connections') {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ sockets: portfolio.sockets.size, closes }));
  } else if (request.url === '/stats') {
    globalThis.gc?.();
    const memory = process.memoryUsage();
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ heapUsed: memory.heapUsed, rss: memory.rss, sockets: portfolio.sockets.size }));
  } else {
    response.statusCode = 404;
    response.end();
  }
});
const io = new Server(http, {
  path: '/socket.io', serveClient: false,
  // As the bridge does by default; the token is checked again on a recovery there too.
  connectionStateRecovery: { maxDisconnectionDuration: 120_000, skipMiddlewares: false },
  pingInterval: Number(env.PEER_PING_INTERVAL_MS ?? 25000), pingTimeout: Number(env.PEER_PING_TIMEOUT_MS ?? 20000),
});
const portfolio = io.of('/portfolio');

function reasonOf(error) {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (error instanceof errors.JWTClaimValidationFailed) return error.claim === 'nbf' ? 'not_yet_valid' : 'claims';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm';
  return 'malformed';
}

function refuse(next, reason) {
  const error = new Error('unauthorized');
  error.data = { reason };
  next(error);
}

portfolio.use(async (socket, next) => {
  const { auth, headers, query } = socket.handshake;
  const bearer = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
  const token = auth?.token ?? bearer ?? query.token;
  if (!token) return refuse(next, 'missing');
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'], issuer: env.PORTFOLIO_JWT_ISSUER, audience: env.PORTFOLIO_JWT_AUDIENCE, clockTolerance: 30,
    });
    const userId = payload.sub ?? payload.userId ?? payload.id;
    if (userId === undefined) return refuse(next, 'claims');
    socket.data.userId = String(userId);
    socket.join(`portfolio-user-${socket.data.userId}`); // before the client's connect
    next();
  } catch (error) {
    refuse(next, reasonOf(error));
  }
});

function conversationRoom(id) {
  const text = typeof id === 'number' && Number.isInteger(id) ? String(id) : id;
  if (typeof text !== 'string' || !CONVERSATION_ID.test(text)) throw new Error('invalid conversation id');
  return `portfolio-conversation-${text}`;
}

portfolio.on('connection', (socket) => {
  socket.on('disconnect', (reason) => { closes[reason] = (closes[reason] ?? 0) + 1; });
  for (const [event, act] of [['join-conversation', 'join'], ['leave-conversation', 'leave']]) {
    socket.on(event, (id, ack) => {
      try {
        socket[act](conversationRoom(id));
        if (typeof ack === 'function') ack({ ok: true });
      } catch (error) {
        if (typeof ack === 'function') ack({ ok: false, error: error.message });
      }
    });
  }
});

// The bus: one subscription per topic, as one bridge node has.
const topics = [
  { address: 'portfolio.notifications', event: 'notification:new', key: 'userId', room: (k) => `portfolio-user-${k}` },
  { address: 'portfolio.messages', event: 'message:new', key: 'conversationId', room: (k) => `portfolio-conversation-${k}` },
];
const connection = rhea.connect({
  host: env.PORTFOLIO_ARTEMIS_HOST ?? '127.0.0.1', port: Number(env.PORTFOLIO_ARTEMIS_PORT ?? 61616),
  username: env.PORTFOLIO_ARTEMIS_USER, password: env.PORTFOLIO_ARTEMIS_PASSWORD, container_id: `peer-${process.pid}`,
});
let subscribed = 0;
for (const topic of topics) {
  const receiver = connection.open_receiver({ source: { address: topic.address, capabilities: ['topic'] }, credit_window: 500 });
  receiver.on('receiver_open', () => {
    if (++subscribed === topics.length) console.log(JSON.stringify({ type: 'ready', port: http.address().port }));
  });
  receiver.on('message', ({ message }) => {
    try {
      const body = typeof message.body === 'string' ? message.body
        : Buffer.from(message.body?.content ?? message.body ?? '').toString('utf8');
      const document = JSON.parse(body);
      const key = message.application_properties?.[topic.key] ?? document[topic.key];
      if (key === undefined || typeof document !== 'object' || document === null) throw new Error(`no ${topic.key}`);
      portfolio.to(topic.room(String(key))).emit(topic.event, document);
    } catch (error) {
      console.error(`poison ${topic.address} event: ${error.message}`); // the bench sends none
    }
  });
}
connection.on('disconnected', (context) => console.error(`bus disconnected: ${context.error?.message ?? 'closed'}`));

http.listen(Number(env.PEER_PORT ?? 9380), '127.0.0.1');

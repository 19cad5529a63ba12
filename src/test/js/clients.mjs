// Real socket.io-client connections to the bridge, and publishing through the bus.
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';

export const WAIT_MS = 10_000;

export const MODES = {
  polling: { transports: ['polling'], upgrade: false },
  websocket: { transports: ['websocket'] },
  upgrade: { transports: ['polling', 'websocket'], upgrade: true },
};

export const unique = (prefix) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** Rejects after WAIT_MS instead of hanging the suite. */
export function within(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function socketFor(mode, auth) {
  return io(`${process.env.BRIDGE_URL}/portfolio`, {
    ...MODES[mode],
    auth,
    path: '/socket.io',
    forceNew: true,
    reconnection: false,
  });
}

/** Connects and, in upgrade mode, waits until the engine is really on WebSocket. */
export async function connected(mode, token) {
  const socket = socketFor(mode, { token });
  await within(new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  }), 'connect');
  if (mode === 'upgrade' && socket.io.engine.transport.name !== 'websocket') {
    await within(new Promise((resolve) => socket.io.engine.once('upgrade', resolve)), 'upgrade');
  }
  return socket;
}

/** Collects every event of one name a socket receives. */
export function recorder(socket, event) {
  const received = [];
  const waiters = [];
  socket.on(event, (document) => {
    received.push(document);
    waiters.splice(0).forEach((wake) => wake());
  });
  return {
    received,
    next: () => within(new Promise((resolve) => {
      const take = () => (received.length > 0 ? resolve(received.shift()) : waiters.push(take));
      take();
    }), event),
  };
}

export async function publish(destination, document, properties = {}) {
  const response = await fetch(process.env.PUBLISH_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ destination, body: JSON.stringify(document), properties }),
  });
  if (response.status !== 202) {
    throw new Error(`publish answered ${response.status}`);
  }
}

/**
 * Proves that nothing is on its way to a socket: the server writes one connection in order,
 * so anything sent before this ack would have arrived before it.
 */
export async function drained(socket) {
  const answer = await socket.timeout(WAIT_MS).emitWithAck('join-conversation', unique('barrier'));
  if (!answer.ok) {
    throw new Error(`barrier join failed: ${JSON.stringify(answer)}`);
  }
}

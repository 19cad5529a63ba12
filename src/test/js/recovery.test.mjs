// Connection state recovery (socket.io >= 4.6), with the official client: a socket that loses its
// transport and comes back within the window gets its rooms and every event it missed, in order,
// once, with socket.recovered === true; past the window, or with another user's token, nothing.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { io } from 'socket.io-client';
import {
  MODES, WAIT_MS, drained, publish, recorder, unique, within,
} from './clients.mjs';
import { serviceToken, validToken } from './jwt.mjs';

const WINDOW_MS = 4_000;

function recoverable(mode, auth) {
  return io(`${process.env.BRIDGE_URL}/portfolio`, {
    ...MODES[mode], auth, path: '/socket.io', forceNew: true, reconnection: false,
  });
}

const connectOf = (socket) => within(new Promise((resolve, reject) => {
  socket.once('connect', resolve);
  socket.once('connect_error', reject);
}), 'connect');

/** Until the bridge has seen the user's sockets go (the session is kept from then on). */
async function goneOnServer(userId) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const response = await fetch(`${process.env.BRIDGE_URL}/api/bridge/v1/users/${userId}`,
      { headers: { authorization: `Bearer ${serviceToken()}` } });
    if ((await response.json()).sockets === 0) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`the bridge still holds a socket of ${userId}`);
    }
    await new Promise((resolve) => { setTimeout(resolve, 25); });
  }
}

/** Connected, joined, one event received: what a client has before its network drops. */
async function established(mode, userId, track) {
  const socket = track(recoverable(mode, { token: validToken(userId) }));
  await connectOf(socket);
  assert.equal(socket.recovered, false);
  const conversation = unique('conv');
  assert.deepEqual(await socket.timeout(5000).emitWithAck('join-conversation', conversation), { ok: true });
  const messages = recorder(socket, 'message:new');
  const notifications = recorder(socket, 'notification:new');
  await publish('messages', { _id: 'm0', seq: 0 }, { conversationId: conversation });
  assert.deepEqual(await messages.next(), { _id: 'm0', seq: 0 });
  return { socket, conversation, messages, notifications };
}

async function loseTransport(socket, userId) {
  const gone = within(new Promise((resolve) => socket.once('disconnect', resolve)), 'disconnect');
  socket.io.engine.close();
  assert.equal(await gone, 'forced close'); // the client's word for a transport closed under it
  await goneOnServer(userId);
}

for (const mode of Object.keys(MODES)) {
  describe(`recovery, ${mode} transport`, () => {
    const open = [];
    const track = (socket) => { open.push(socket); return socket; };
    afterEach(() => { open.splice(0).forEach((socket) => socket.disconnect()); });

    test('back within the window: recovered, the five missed events in order and once, then live ones', async () => {
      const user = unique('rec');
      const { socket, conversation, messages, notifications } = await established(mode, user, track);
      await loseTransport(socket, user);
      for (let seq = 1; seq <= 4; seq += 1) {
        await publish('messages', { _id: `m${seq}`, seq }, { conversationId: conversation });
      }
      await publish('notifications', { _id: 'n1', seq: 1 }, { userId: user });

      socket.connect();
      await connectOf(socket);
      assert.equal(socket.recovered, true);
      for (let seq = 1; seq <= 4; seq += 1) {
        assert.deepEqual(await messages.next(), { _id: `m${seq}`, seq });
      }
      assert.deepEqual(await notifications.next(), { _id: 'n1', seq: 1 });

      await publish('messages', { _id: 'm5', seq: 5 }, { conversationId: conversation });
      assert.deepEqual(await messages.next(), { _id: 'm5', seq: 5 }, 'live events continue in the restored room');
      await drained(socket);
      assert.deepEqual(messages.received, [], 'nothing twice');
      assert.deepEqual(notifications.received, []);
    });

    test('a client that had no event yet (no offset) comes back with what followed its connect', async () => {
      const user = unique('quiet');
      const socket = track(recoverable(mode, { token: validToken(user) }));
      await connectOf(socket);
      const conversation = unique('conv');
      assert.deepEqual(await socket.timeout(5000).emitWithAck('join-conversation', conversation), { ok: true });
      const messages = recorder(socket, 'message:new');
      assert.equal(socket._lastOffset, undefined);
      await loseTransport(socket, user);
      await publish('messages', { seq: 1 }, { conversationId: conversation });
      socket.connect();
      await connectOf(socket);
      assert.equal(socket.recovered, true);
      assert.deepEqual(await messages.next(), { seq: 1 });
      await drained(socket);
      assert.deepEqual(messages.received, []);
    });

    test('events published while it comes back are neither lost, nor doubled, nor out of order', async () => {
      const user = unique('busy');
      const { socket, conversation, messages } = await established(mode, user, track);
      await loseTransport(socket, user);
      for (let seq = 1; seq <= 3; seq += 1) {
        await publish('messages', { seq }, { conversationId: conversation });
      }
      const publishing = (async () => {
        for (let seq = 4; seq <= 40; seq += 1) {
          await publish('messages', { seq }, { conversationId: conversation });
        }
      })();
      socket.connect();
      await connectOf(socket);
      assert.equal(socket.recovered, true);
      await publishing;
      const got = [];
      for (let seq = 1; seq <= 40; seq += 1) {
        got.push((await messages.next()).seq);
      }
      assert.deepEqual(got, Array.from({ length: 40 }, (_, i) => i + 1));
      await drained(socket);
      assert.deepEqual(messages.received, []);
    });

    test('a pid replayed with another user\'s token connects afresh, with nothing replayed', async () => {
      const victim = unique('victim');
      const { socket, conversation } = await established(mode, victim, track);
      const pid = socket._pid;
      const offset = socket._lastOffset;
      assert.ok(pid && offset, 'the bridge handed out a pid and offsets');
      await loseTransport(socket, victim);
      await publish('messages', { _id: 'secret' }, { conversationId: conversation });

      const thief = track(recoverable(mode, { token: validToken(unique('thief')), pid, offset }));
      const stolen = recorder(thief, 'message:new');
      await connectOf(thief);
      assert.equal(thief.recovered, false);
      await drained(thief);
      assert.deepEqual(stolen.received, []);

      // The attempt did not use the session up: its owner still comes back with what it missed.
      const back = recorder(socket, 'message:new');
      socket.connect();
      await connectOf(socket);
      assert.equal(socket.recovered, true);
      assert.deepEqual(await back.next(), { _id: 'secret' });
    });

    test('back after the window: connects afresh (recovered === false), nothing replayed, not back in its rooms', async () => {
      const user = unique('late');
      const { socket, conversation, messages } = await established(mode, user, track);
      await loseTransport(socket, user);
      await publish('messages', { _id: 'missed' }, { conversationId: conversation });
      await new Promise((resolve) => { setTimeout(resolve, WINDOW_MS + 500); });
      socket.connect();
      await connectOf(socket);
      assert.equal(socket.recovered, false);
      await publish('messages', { _id: 'after' }, { conversationId: conversation });
      await drained(socket);
      assert.deepEqual(messages.received, []);
    });
  });
}

describe('recovery: bad input', () => {
  test('a made-up or malformed pid and offset connect afresh: no error, no replay', async () => {
    for (const auth of [
      { pid: 'x'.repeat(10_000), offset: { not: 'a string' } },
      { pid: 42, offset: 'ééééééééééé' },
      { pid: 'unknown-pid', offset: `1.${'A'.repeat(11)}.${'B'.repeat(11)}..` },
      { pid: null, offset: null },
    ]) {
      const socket = recoverable('websocket', { token: validToken(unique('odd')), ...auth });
      await connectOf(socket);
      assert.equal(socket.recovered, false, JSON.stringify(auth).slice(0, 80));
      socket.disconnect();
    }
  });

  test('a real pid with a malformed offset connects afresh, the session untouched by it', async () => {
    const user = unique('odd');
    const open = [];
    const { socket } = await established('websocket', user, (s) => { open.push(s); return s; });
    const pid = socket._pid;
    await loseTransport(socket, user);
    const odd = recoverable('websocket', { token: validToken(user), pid, offset: '1.ééééééééééé....' });
    await connectOf(odd);
    assert.equal(odd.recovered, false);
    odd.disconnect();
    socket.disconnect();
  });
});

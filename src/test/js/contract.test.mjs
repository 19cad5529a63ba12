// The client contract (shared/CONTRACT.md), checked with the official socket.io-client 4.x
// against a running bridge, once per transport mode.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import {
  MODES, connected, drained, publish, recorder, socketFor, unique, within,
} from './clients.mjs';
import { expiredToken, forgedToken, validToken } from './jwt.mjs';

for (const mode of Object.keys(MODES)) {
  describe(`${mode} transport`, () => {
    const open = [];
    const track = (socket) => { open.push(socket); return socket; };
    const connect = async (userId) => track(await connected(mode, validToken(userId)));

    afterEach(() => { open.splice(0).forEach((socket) => socket.disconnect()); });

    test('a valid token connects', async () => {
      const socket = await connect(unique('alice'));
      assert.equal(socket.connected, true);
      assert.ok(socket.id);
    });

    for (const [name, auth, reason] of [
      ['missing', {}, 'missing'],
      ['expired', { token: expiredToken('late') }, 'expired'],
      ['forged', { token: forgedToken('mallory') }, 'signature'],
      ['malformed', { token: 'not-a-jwt' }, 'malformed'],
    ]) {
      test(`a ${name} token gets connect_error '${reason}' and never connect`, async () => {
        const socket = track(socketFor(mode, auth));
        let connects = 0;
        socket.on('connect', () => { connects += 1; });
        const error = await within(new Promise((resolve) => socket.once('connect_error', resolve)), 'connect_error');
        assert.equal(error.message, 'unauthorized');
        assert.equal(error.data.reason, reason);
        assert.equal(socket.connected, false);
        // The engine connection is still open: a ping round trip would bring a late CONNECT ack.
        assert.equal(connects, 0);
      });
    }

    test('join → message:new arrives as published', async () => {
      const socket = await connect(unique('member'));
      const messages = recorder(socket, 'message:new');
      const conversation = unique('conv');
      assert.deepEqual(await socket.timeout(5000).emitWithAck('join-conversation', conversation), { ok: true });

      const document = { _id: unique('m'), conversationId: conversation, text: 'héllo ✓', createdAt: '2026-11-24T06:00:00.000Z', n: 1.5 };
      await publish('messages', document);
      assert.deepEqual(await messages.next(), document);
    });

    test('leave → message:new no longer arrives', async () => {
      const conversation = unique('conv');
      const leaver = await connect(unique('leaver'));
      const stayer = await connect(unique('stayer'));
      const leaverMessages = recorder(leaver, 'message:new');
      const stayerMessages = recorder(stayer, 'message:new');
      await leaver.timeout(5000).emitWithAck('join-conversation', conversation);
      await stayer.timeout(5000).emitWithAck('join-conversation', conversation);
      assert.deepEqual(await leaver.timeout(5000).emitWithAck('leave-conversation', conversation), { ok: true });

      const document = { _id: unique('m'), text: 'after leave' };
      await publish('messages', document, { conversationId: conversation });
      assert.deepEqual(await stayerMessages.next(), document);
      await drained(leaver);
      assert.deepEqual(leaverMessages.received, []);
    });

    test('a user receives only their own notification:new (routed by property)', async () => {
      const alice = unique('alice');
      const aliceSocket = await connect(alice);
      const bobSocket = await connect(unique('bob'));
      const aliceInbox = recorder(aliceSocket, 'notification:new');
      const bobInbox = recorder(bobSocket, 'notification:new');

      const document = { _id: unique('n'), type: 'price-alert', payload: { symbol: 'ACME', price: 12.5 } };
      await publish('notifications', document, { userId: alice });
      assert.deepEqual(await aliceInbox.next(), document);
      await drained(bobSocket);
      assert.deepEqual(bobInbox.received, []);
    });

    test('a notification routed by the document field reaches every socket of that user', async () => {
      const carol = unique('carol');
      const phone = await connect(carol);
      const laptop = await connect(carol);
      const phoneInbox = recorder(phone, 'notification:new');
      const laptopInbox = recorder(laptop, 'notification:new');

      const document = { _id: unique('n'), userId: carol, read: false };
      await publish('notifications', document);
      assert.deepEqual(await phoneInbox.next(), document);
      assert.deepEqual(await laptopInbox.next(), document);
    });

    test('bad conversation ids are refused with a reason; integers are fine', async () => {
      const socket = await connect(unique('ids'));
      const ask = (id) => socket.timeout(5000).emitWithAck('join-conversation', id);
      for (const bad of ['', 'x'.repeat(129), 'a b', { id: 1 }, null, 1.5]) {
        const answer = await ask(bad);
        assert.equal(answer.ok, false, JSON.stringify(bad));
        assert.equal(typeof answer.error, 'string');
      }
      assert.deepEqual(await ask(42), { ok: true });
    });

    test('join without an ack callback still joins', async () => {
      const socket = await connect(unique('noack'));
      const messages = recorder(socket, 'message:new');
      const conversation = unique('conv');
      socket.emit('join-conversation', conversation);
      await drained(socket);
      const document = { _id: unique('m') };
      await publish('messages', document, { conversationId: conversation });
      assert.deepEqual(await messages.next(), document);
    });
  });
}

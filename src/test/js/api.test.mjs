// The backend HTTP API (/api/bridge/v1), checked with the official socket.io-client 4.x on the
// receiving end: what a service publishes or commands over HTTP is what the user's sockets see.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import {
  MODES, WAIT_MS, connected, drained, recorder, socketFor, unique, within,
} from './clients.mjs';
import { freshToken, serviceToken, validToken } from './jwt.mjs';

const API = `${process.env.BRIDGE_URL}/api/bridge/v1`;

async function call(method, path, { token = serviceToken(), body, contentType = 'application/json' } = {}) {
  const headers = { 'content-type': contentType };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  const response = await fetch(`${API}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', text, json: () => JSON.parse(text) };
}

async function accepted(method, path, document) {
  const answer = await call(method, path, { body: document === undefined ? undefined : JSON.stringify(document) });
  assert.equal(answer.status, 202, answer.text);
  assert.match(answer.json().id, /\S/);
  return answer.json();
}

function assertProblem(answer, status, field) {
  assert.equal(answer.status, status, answer.text);
  assert.equal(answer.type.split(';')[0], 'application/problem+json', answer.text);
  const problem = answer.json();
  assert.equal(problem.status, status);
  assert.equal(typeof problem.title, 'string');
  if (field) {
    assert.equal(problem.field, field, answer.text);
  }
}

const disconnected = (socket) => within(new Promise((resolve) => socket.once('disconnect', resolve)), 'disconnect');

for (const mode of Object.keys(MODES)) {
  describe(`HTTP API, ${mode} transport`, () => {
    const open = [];
    const track = (socket) => { open.push(socket); return socket; };
    const connect = async (userId, token = validToken(userId)) => track(await connected(mode, token));

    afterEach(() => { open.splice(0).forEach((socket) => socket.disconnect()); });

    test('POST /notifications and /messages reach the right sockets and no others', async () => {
      const alice = unique('alice');
      const aliceSocket = await connect(alice);
      const bobSocket = await connect(unique('bob'));
      const aliceInbox = recorder(aliceSocket, 'notification:new');
      const bobInbox = recorder(bobSocket, 'notification:new');
      const bobMessages = recorder(bobSocket, 'message:new');
      const aliceMessages = recorder(aliceSocket, 'message:new');
      const conversation = unique('conv');
      assert.deepEqual(await bobSocket.timeout(5000).emitWithAck('join-conversation', conversation), { ok: true });

      const notification = { _id: unique('n'), title: 'price alert', payload: { symbol: 'ACME' } };
      const answer = await accepted('POST', `/notifications?userId=${alice}`, notification);
      assert.equal(answer.userId, alice);
      assert.deepEqual(await aliceInbox.next(), notification);
      const message = { _id: unique('m'), conversationId: conversation, text: 'héllo ✓' };
      await accepted('POST', '/messages', message);
      assert.deepEqual(await bobMessages.next(), message);

      await drained(bobSocket);
      await drained(aliceSocket);
      assert.deepEqual(bobInbox.received, []);
      assert.deepEqual(aliceMessages.received, []);
    });

    test('PUT members joins every socket of the user without a client join; DELETE leaves', async () => {
      const carol = unique('carol');
      const phone = await connect(carol);
      const laptop = await connect(carol);
      const phoneMessages = recorder(phone, 'message:new');
      const laptopMessages = recorder(laptop, 'message:new');
      const conversation = unique('conv');

      await accepted('PUT', `/conversations/${conversation}/members/${carol}`);
      const room = await waitFor(() => call('GET', `/conversations/${conversation}`), (a) => a.json().sockets === 2);
      assert.deepEqual(room.json(), { conversationId: conversation, sockets: 2, users: [carol] });
      const first = { _id: unique('m'), conversationId: conversation };
      await accepted('POST', '/messages', first);
      assert.deepEqual(await phoneMessages.next(), first);
      assert.deepEqual(await laptopMessages.next(), first);

      await accepted('DELETE', `/conversations/${conversation}/members/${carol}`);
      await waitFor(() => call('GET', `/conversations/${conversation}`), (a) => a.json().sockets === 0);
      await accepted('POST', '/messages', { _id: unique('m'), conversationId: conversation });
      await drained(phone);
      await drained(laptop);
      assert.deepEqual(phoneMessages.received, []);
      assert.deepEqual(laptopMessages.received, []);
    });

    test('GET /users follows the sockets the client opens and closes', async () => {
      const dave = unique('dave');
      assert.deepEqual((await call('GET', `/users/${dave}`)).json(), { userId: dave, online: false, sockets: 0, nodes: [] });
      const socket = await connect(dave);
      const online = (await call('GET', `/users/${dave}`)).json();
      assert.equal(online.online, true);
      assert.equal(online.sockets, 1);
      assert.equal(online.nodes.length, 1);
      socket.disconnect();
      await waitFor(() => call('GET', `/users/${dave}`), (a) => a.json().online === false);
    });

    test('disconnect with revokeIssuedBefore: io server disconnect everywhere, the old token is revoked, a new one connects', async () => {
      const erin = unique('erin');
      const oldToken = validToken(erin);
      const phone = await connect(erin, oldToken);
      const laptop = await connect(erin, oldToken);
      const reasons = Promise.all([disconnected(phone), disconnected(laptop)]);

      await accepted('POST', `/users/${erin}/disconnect`, { reason: 'logout', revokeIssuedBefore: 'now' });
      assert.deepEqual(await reasons, ['io server disconnect', 'io server disconnect']);

      const again = track(socketFor(mode, { token: oldToken }));
      const error = await within(new Promise((resolve) => again.once('connect_error', resolve)), 'connect_error');
      assert.equal(error.message, 'unauthorized');
      assert.equal(error.data.reason, 'revoked');

      const fresh = await connect(erin, freshToken(erin));
      assert.equal(fresh.connected, true);
    });
  });
}

describe('HTTP API: auth and bad requests', () => {
  const note = JSON.stringify({ _id: 'n', userId: 'someone' });

  test('no token is 401, a user token or one without the scope is 403, each as a problem', async () => {
    const none = await call('POST', '/notifications', { token: null, body: note });
    assertProblem(none, 401);
    assertProblem(await call('POST', '/notifications', { token: 'not-a-jwt', body: note }), 401);
    assertProblem(await call('POST', '/notifications', { token: validToken('a-user'), body: note }), 403);
    assertProblem(await call('POST', '/notifications', { token: serviceToken('read write'), body: note }), 403);
    assertProblem(await call('GET', '/users/someone', { token: validToken('someone') }), 403);
  });

  test('each malformed request gets its problem document, naming the field', async () => {
    assertProblem(await call('POST', '/notifications', { body: '{"_id":"no-user"}' }), 400, 'userId');
    assertProblem(await call('POST', '/notifications', { body: '{not json' }), 400, 'body');
    assertProblem(await call('POST', '/messages', { body: '[1,2]' }), 400, 'body');
    assertProblem(await call('POST', '/messages?conversationId=a%20b', { body: '{}' }), 400, 'conversationId');
    assertProblem(await call('PUT', '/conversations/a%20b/members/u'), 400, 'conversationId');
    assertProblem(await call('POST', '/users/u/disconnect', { body: '{"revokeIssuedBefore":"yesterday"}' }), 400, 'revokeIssuedBefore');
    assertProblem(await call('GET', '/conversations/a%20b'), 400, 'conversationId');
    assertProblem(await call('POST', '/notifications?userId=u', { body: JSON.stringify({ pad: 'x'.repeat(1_100_000) }) }), 413);
    assertProblem(await call('GET', '/no-such-thing'), 404);
    assertProblem(await call('DELETE', '/notifications'), 405);
  });
});

/** Polls an API call until its answer satisfies the check (the cluster state follows within a tick). */
async function waitFor(ask, check) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const answer = await ask();
    if (answer.status === 200 && check(answer)) {
      return answer;
    }
    if (Date.now() > deadline) {
      throw new Error(`the API did not show the change within ${WAIT_MS} ms: ${answer.status} ${answer.text}`);
    }
    await new Promise((resolve) => { setTimeout(resolve, 50); });
  }
}

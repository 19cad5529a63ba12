// The dev demo page: one official socket.io-client socket, steered by the buttons; everything it
// hears goes to the live log. Plain browser JS, no build step.
'use strict';

const $ = (id) => document.getElementById(id);
const TRANSPORTS = { upgrade: ['polling', 'websocket'], websocket: ['websocket'], polling: ['polling'] };
let socket = null;
let serviceToken = null;

function log(kind, text, small) {
  const item = document.createElement('li');
  item.dataset.kind = kind;
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString();
  const label = document.createElement('b');
  label.textContent = kind;
  const body = document.createElement('span');
  body.textContent = text;
  if (small) {
    const extra = document.createElement('span');
    extra.className = 'offset';
    extra.textContent = small;
    body.append(extra);
  }
  item.append(time, label, body);
  $('log').prepend(item);
}

function show(id, text, state) {
  $(id).textContent = text;
  if (state) $(id).dataset.state = state;
}

const userId = () => $('user-id').value.trim();
const conversationId = () => $('conversation').value.trim();
const uniqueId = (prefix) => `${prefix}-${Date.now().toString(36)}`;

async function mint(query) {
  const response = await fetch(`/dev/token?${query}`, { cache: 'no-store' });
  const text = (await response.text()).trim();
  if (!response.ok) throw new Error(`GET /dev/token: ${response.status} ${text}`);
  return text;
}

async function mintUserToken() {
  try {
    $('token').value = await mint(new URLSearchParams({ userId: userId() }));
    log('token', `user token minted for ${userId()} (1 h)`);
  } catch (error) {
    log('error', error.message);
  }
}

function tamperToken() {
  const parts = $('token').value.trim().split('.');
  if (parts.length !== 3 || parts[2] === '') {
    log('error', 'no token to tamper with: mint one first');
    return;
  }
  // Another first character: the first signature byte changes, so the signature check fails.
  parts[2] = (parts[2][0] === 'A' ? 'B' : 'A') + parts[2].slice(1);
  $('token').value = parts.join('.');
  log('token', 'signature tampered: the server must refuse this token');
}

function connect() {
  disconnect();
  show('status', 'connecting…', 'connecting');
  show('transport-now', '–');
  show('socket-id', '–');
  show('reason', '–', 'none');
  const s = io('/portfolio', {
    path: '/socket.io', auth: { token: $('token').value.trim() },
    transports: TRANSPORTS[$('transport').value], forceNew: true,
  });
  socket = s;
  const on = (target, event, handler) => target.on(event, (...args) => socket === s && handler(...args));
  on(s.io, 'open', () => {
    show('transport-now', s.io.engine.transport.name);
    s.io.engine.on('upgrade', (transport) => {
      if (socket !== s) return;
      show('transport-now', transport.name);
      log('upgrade', `transport upgraded to ${transport.name}`);
    });
  });
  on(s.io, 'reconnect_attempt', (attempt) => log('reconnect', `attempt ${attempt}`));
  on(s, 'connect', () => {
    show('status', 'connected', 'connected');
    show('socket-id', s.id);
    log('connect', `socket ${s.id} on ${s.io.engine.transport.name}, recovered: ${s.recovered}`);
  });
  on(s, 'connect_error', (error) => {
    const reason = error.data?.reason ?? '–';
    show('status', `connect_error: ${error.message}`, 'error');
    show('reason', reason, 'error');
    log('connect_error', `${error.message} (reason: ${reason})`);
  });
  on(s, 'disconnect', (reason) => {
    show('status', `disconnected (${reason})`, 'disconnected');
    log('disconnect', reason);
  });
  // The second argument is the recovery offset; shown small.
  on(s, 'notification:new', (doc, offset) => log('notification:new', JSON.stringify(doc), offset && `offset ${offset}`));
  on(s, 'message:new', (doc, offset) => log('message:new', JSON.stringify(doc), offset && `offset ${offset}`));
}

function disconnect() {
  if (socket) {
    socket.disconnect();
    socket = null;
  }
}

function room(event) {
  if (!socket?.connected) {
    log('error', `${event}: connect first`);
    return;
  }
  const id = conversationId();
  socket.timeout(5000).emit(event, id, (error, answer) => {
    const text = error ? `no ack (${error.message})` : JSON.stringify(answer);
    show('ack', `${event} ${id}: ${text}`);
    log('ack', `${event} ${id} → ${text}`);
  });
}

async function post(path, body) {
  try {
    if (!serviceToken) {
      serviceToken = await mint('service=true');
      show('service-token', 'minted (scope for /api/bridge/v1)');
    }
    const response = await fetch(path, {
      method: 'POST', body: JSON.stringify(body),
      headers: { Authorization: `Bearer ${serviceToken}`, 'Content-Type': 'application/json' },
    });
    const text = await response.text();
    if (response.status === 401) serviceToken = null; // a restarted dev server has a new key
    show('api-answer', `${response.status} ${text}`);
    log('api', `POST ${path} → ${response.status} ${text}`);
  } catch (error) {
    log('error', error.message);
  }
}

function sendNotification() {
  post(`/api/bridge/v1/notifications?userId=${encodeURIComponent(userId())}`,
    { _id: uniqueId('n'), title: $('notification-text').value });
}

function sendMessage() {
  post('/api/bridge/v1/messages', { _id: uniqueId('m'), conversationId: conversationId(), text: $('message-text').value });
}

$('mint').addEventListener('click', mintUserToken);
$('tamper').addEventListener('click', tamperToken);
$('connect').addEventListener('click', connect);
$('disconnect').addEventListener('click', disconnect);
$('join').addEventListener('click', () => room('join-conversation'));
$('leave').addEventListener('click', () => room('leave-conversation'));
$('send-notification').addEventListener('click', sendNotification);
$('send-message').addEventListener('click', sendMessage);
$('clear-log').addEventListener('click', () => $('log').replaceChildren());
if (typeof io !== 'function') log('error', 'socket.io-client did not load from /demo/socket.io.min.js');

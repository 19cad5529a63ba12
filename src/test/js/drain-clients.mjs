// Official socket.io-clients that a cluster test (DrainClusterIT) watches through a node's drain:
// they connect to node 1 (a third on each transport choice), and once node 1 sends them away they
// reconnect to node 2, as a load balancer that dropped node 1 would send them. On "report N" (once
// every client has N events, or after 30 s) each client prints one JSON line: what it received,
// its connects and its disconnects.
import { createInterface } from 'node:readline';
import { io } from 'socket.io-client';
import { validToken } from './jwt.mjs';

const count = Number(process.env.COUNT);
const prefix = process.env.USER_PREFIX;
const choices = [['websocket'], ['polling'], ['polling', 'websocket']];
const clients = [];

for (let i = 0; i < count; i++) {
  const user = `${prefix}-${i}`;
  const state = { user, seqs: [], connects: [], disconnects: [] };
  const socket = io(`${process.env.NODE1_URL}/portfolio`, {
    transports: choices[i % choices.length], auth: { token: validToken(user) }, path: '/socket.io',
  });
  socket.on('connect', () => state.connects.push({ at: Date.now(), recovered: socket.recovered, url: socket.io.uri }));
  socket.on('disconnect', (reason) => {
    state.disconnects.push({ at: Date.now(), reason });
    socket.io.uri = process.env.NODE2_URL; // node 1 is out of the load balancer now
  });
  socket.on('notification:new', (doc) => state.seqs.push(doc.seq));
  clients.push({ socket, state });
}

const ready = setInterval(() => {
  if (clients.every(({ state }) => state.connects.length > 0)) {
    clearInterval(ready);
    process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  }
}, 50);

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.startsWith('report ')) {
    const expected = Number(line.split(' ')[1]);
    const deadline = Date.now() + 30_000;
    const check = setInterval(() => {
      if (Date.now() > deadline || clients.every(({ state }) => state.seqs.length >= expected)) {
        clearInterval(check);
        clients.forEach(({ state }) => process.stdout.write(`${JSON.stringify(state)}\n`));
      }
    }, 50);
  } else if (line === 'quit') {
    clients.forEach(({ socket }) => socket.disconnect());
    process.exit(0);
  }
});

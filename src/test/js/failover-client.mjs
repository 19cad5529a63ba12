// One official socket.io-client that a cluster test (RecoveryClusterIT) steers through a node's
// death: it connects to node 1, and on "reconnect" moves to node 2 as a load balancer would.
// It prints one JSON line per thing that happens; the test reads them.
import { createInterface } from 'node:readline';
import { io } from 'socket.io-client';
import { validToken } from './jwt.mjs';

const say = (what) => process.stdout.write(`${JSON.stringify(what)}\n`);
const [user, conversation] = [process.env.USER_ID, process.env.CONVERSATION_ID];

const socket = io(`${process.env.NODE1_URL}/portfolio`, {
  transports: ['websocket'], auth: { token: validToken(user) }, path: '/socket.io', reconnection: false,
});
socket.on('connect', () => say({ connect: true, recovered: socket.recovered }));
socket.on('connect_error', (error) => say({ connectError: error.message }));
socket.on('disconnect', (reason) => say({ disconnect: reason }));
socket.on('message:new', (doc) => say({ message: doc }));
socket.on('notification:new', (doc) => say({ notification: doc }));

createInterface({ input: process.stdin }).on('line', async (line) => {
  if (line === 'join') {
    say({ joined: await socket.timeout(10_000).emitWithAck('join-conversation', conversation) });
  } else if (line === 'join-late') {
    say({ joined: await socket.timeout(10_000).emitWithAck('join-conversation', `${conversation}-late`) });
  } else if (line === 'reconnect') {
    socket.io.uri = process.env.NODE2_URL; // where the load balancer sends it now
    socket.connect();
  } else if (line === 'quit') {
    socket.disconnect();
    process.exit(0);
  }
});

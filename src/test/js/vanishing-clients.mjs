// Real socket.io-client sockets (WebSocket only, or long-polling only) that join one conversation and then just stay:
// VanishedPeersIT points them at vanishing-relay.mjs, freezes the relay under them and kills this
// process, so they vanish without a FIN or a RST reaching the server, like phones that lost their network.
// Env: BRIDGE_URL, CONVERSATION, TOKENS (comma-separated), TRANSPORT (websocket | polling). Prints one JSON line per joined socket.
import { io } from 'socket.io-client';

const tokens = process.env.TOKENS.split(',');
for (const token of tokens) {
  const socket = io(`${process.env.BRIDGE_URL}/portfolio`, {
    transports: [process.env.TRANSPORT || 'websocket'],
    auth: { token },
    path: '/socket.io',
    forceNew: true,
    reconnection: false,
  });
  socket.on('connect', () => {
    socket.emit('join-conversation', process.env.CONVERSATION, (answer) => {
      console.log(JSON.stringify({ engineId: socket.io.engine.id, joined: answer.ok === true }));
    });
  });
  socket.on('connect_error', (err) => console.log(JSON.stringify({ error: err.message })));
}
// Stay alive until killed.
setInterval(() => {}, 60_000);

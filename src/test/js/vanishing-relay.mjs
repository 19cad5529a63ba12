// A TCP relay on 127.0.0.1 between VanishedPeersIT's clients and the server, so their network can
// vanish without privileges. Until told, it forwards both ways (closes too). On "vanish" (a line on
// stdin) it stops reading and writing on every connection and never closes one towards the server:
// the server's writes fill the kernel buffers and it never sees a FIN or a RST, as with a phone
// whose network went away. Only this process's death closes those sockets: the test kills it last.
// Env: TARGET_PORT (the server's, on 127.0.0.1). Prints {"port":n} once listening and
// {"vanished":n} (connections frozen) once frozen. Exits when stdin closes (its parent is gone).
import net from 'node:net';
import { createInterface } from 'node:readline';

const target = { host: '127.0.0.1', port: Number(process.env.TARGET_PORT) };
// Every open connection's pair of sockets, so that after vanishing none is dropped or collected.
const open = new Set();
let vanished = false;

function forward(from, to) {
  from.on('data', (chunk) => {
    if (!vanished && !to.write(chunk)) {
      from.pause();
      to.once('drain', () => vanished || from.resume());
    }
  });
  // Before vanishing, a close on one side is passed on; after, nothing is.
  from.on('end', () => vanished || to.end());
  from.on('error', () => vanished || to.destroy());
  from.on('close', () => vanished || to.destroy());
}

const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) => {
  if (vanished) {
    open.add([client]); // no network: it never reaches the server
    return;
  }
  const pair = [client, net.connect({ ...target, allowHalfOpen: true })];
  open.add(pair);
  pair.forEach((socket) => socket.on('close', () => vanished || open.delete(pair)));
  forward(pair[0], pair[1]);
  forward(pair[1], pair[0]);
  client.resume();
});

server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));

const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  if (line.trim() === 'vanish' && !vanished) {
    vanished = true;
    open.forEach((pair) => pair.forEach((socket) => socket.pause()));
    console.log(JSON.stringify({ vanished: open.size }));
  }
});
commands.on('close', () => process.exit(0));

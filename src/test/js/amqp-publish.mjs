// A non-Java producer: publishes events to the bridge's Artemis addresses over AMQP 1.0 with
// rhea, in the body shapes other languages' clients send. Used by ClusterIT.
// Usage: node amqp-publish.mjs <port> <user> <password> <messages.json>
// messages.json: [{ "address", "shape": "string"|"octets"|"json-data"|"map", "body", "properties" }]
import { readFileSync } from 'node:fs';
import rhea from 'rhea';

const [port, username, password, file] = process.argv.slice(2);
const messages = JSON.parse(readFileSync(file, 'utf8'));

function amqpMessage({ shape, body, properties }) {
  const message = { application_properties: properties ?? {} };
  switch (shape) {
    case 'string': // AMQP value string: a TextMessage for the MDB
      return { ...message, body: JSON.stringify(body) };
    case 'octets': // data section, application/octet-stream: a BytesMessage
      return { ...message, content_type: 'application/octet-stream',
        body: rhea.message.data_section(Buffer.from(JSON.stringify(body), 'utf8')) };
    case 'json-data': // data section typed application/json: a TextMessage
      return { ...message, content_type: 'application/json',
        body: rhea.message.data_section(Buffer.from(JSON.stringify(body), 'utf8')) };
    case 'map': // AMQP value map (nested when body has objects inside)
      return { ...message, body };
    default:
      throw new Error(`unknown shape ${shape}`);
  }
}

const container = rhea.create_container({ id: 'amqp-publish-test' });
const connection = container.connect({ host: '127.0.0.1', port: Number(port), username, password,
  reconnect: false });
const senders = new Map();
let outstanding = messages.length;

function sender(address) {
  if (!senders.has(address)) {
    senders.set(address, connection.open_sender({ target: { address, capabilities: ['topic'] } }));
  }
  return senders.get(address);
}

connection.on('connection_open', () => {
  for (const m of messages) {
    sender(m.address).send(amqpMessage(m));
  }
});
connection.on('accepted', () => {
  if (--outstanding === 0) {
    connection.close();
  }
});
for (const event of ['rejected', 'released', 'modified']) {
  connection.on(event, (context) => {
    console.error(`broker ${event} a message: ${JSON.stringify(context.delivery.remote_state)}`);
    process.exitCode = 1;
    connection.close();
  });
}
connection.on('connection_error', (context) => {
  console.error(`AMQP connection error: ${context.connection.error}`);
  process.exitCode = 1;
});
connection.on('disconnected', (context) => {
  if (context.error) {
    console.error(`AMQP disconnected: ${context.error}`);
    process.exitCode = 1;
  }
});
connection.on('connection_close', () => console.log(`published ${messages.length} messages`));

package com.portfolio.bridge.socketio;

import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.parser.Packet;
import java.util.Collection;

/**
 * Adds the session's {@code pid} to the library's CONNECT answer, which socket.io-server-java
 * cannot do itself: the engine's "flush" event hands over the very packets it is about to write,
 * once, right before writing them.
 */
final class ConnectAckPid {

    private ConnectAckPid() {
    }

    static void attach(EngineIoSocket connection, String namespace, String pid) {
        Emitter.Listener[] self = new Emitter.Listener[1];
        self[0] = args -> {
            for (Object item : (Collection<?>) args[0]) {
                @SuppressWarnings("unchecked")
                Packet<Object> packet = (Packet<Object>) item;
                if (packet.data instanceof String text && Frames.isConnectAck(text, namespace)) {
                    packet.data = Frames.connectAckWithPid(text, namespace, pid);
                    connection.off("flush", self[0]);
                    return;
                }
            }
        };
        connection.on("flush", self[0]);
    }
}

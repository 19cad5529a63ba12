package com.portfolio.bridge.realtime;

import com.portfolio.bridge.config.EngineSettings;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.socketio.server.SocketIoAdapter;
import io.socket.socketio.server.SocketIoServerOptions;
import java.util.concurrent.ScheduledExecutorService;

/** Library options, built fresh (the library's DEFAULT instances lock on first use). */
final class EngineFactory {

    private EngineFactory() {
    }

    static EngineIoServer create(EngineSettings timings, ScheduledExecutorService scheduler) {
        EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
        // The library's CORS default is every origin with credentials; the servlet applies our allow-list.
        options.setCorsHandlingDisabled(true);
        // Only handshakes run synchronously (see transport.HandshakeBuffer); every real request is async.
        options.setAllowSyncPolling(true);
        options.setPingInterval(timings.pingIntervalMs());
        options.setPingTimeout(timings.pingTimeoutMs());
        // Our timers (see Timers), on Liberty's threads, instead of the library's own unmanaged pool.
        options.setScheduledExecutorService(scheduler);
        return new EngineIoServer(options);
    }

    static SocketIoServerOptions socketIoOptions(EngineSettings timings, SocketIoAdapter.AdapterFactory adapters) {
        SocketIoServerOptions options = SocketIoServerOptions.newFromDefault();
        // ConnectGate closes silent connections itself at the configured timeout; the library's
        // own timeout would drop every close listener of the connection (see SocketTracker.end),
        // so it runs a second later, finds the connection closed, and does nothing. Not much
        // later: its pending task keeps the whole connection reachable until it runs.
        options.setConnectionTimeout(timings.connectTimeoutMs() + 1_000);
        options.setAdapterFactory(adapters);
        return options;
    }
}

/**
 * The Socket.IO and Engine.IO libraries ({@code socket.io-server} 4.1.2, {@code engine.io-server}
 * 6.3.2) behind one adapter. Everything here relies on their behaviour beyond their documented
 * API — listener order, their data feed, the CONNECT answer, their close listeners — and each such
 * assumption has a test named after it in this package's tests, against the library alone. The
 * rest of the bridge uses the seams here: {@link com.portfolio.bridge.socketio.ConnectMiddleware}
 * (as socket.io's {@code namespace.use()}), {@link com.portfolio.bridge.socketio.Frames} (every
 * frame we build ourselves), {@link com.portfolio.bridge.socketio.Sockets}, and for the transport
 * the engine's HTTP and WebSocket edges ({@code HandshakeBuffer}, {@code PollingPost},
 * {@code HeldPoll.Answer}, {@code EngineWebSocket.Outbound}).
 */
package com.portfolio.bridge.socketio;

/**
 * The Socket.IO and Engine.IO libraries ({@code socket.io-server} 4.1.2, {@code engine.io-server}
 * 6.3.2) behind one adapter. Everything here relies on their behaviour beyond their documented
 * API — listener order, their data feed, the CONNECT answer, their close listeners — and each such
 * assumption has a test named after it in this package's tests, against the library alone. The
 * rest of the bridge uses the seams here: {@link com.portfolio.bridge.socketio.ConnectMiddleware}
 * (as socket.io's {@code namespace.use()}), {@link com.portfolio.bridge.socketio.Frames} (every
 * frame we build ourselves) and {@link com.portfolio.bridge.socketio.Sockets}.
 */
package com.portfolio.bridge.socketio;

/**
 * Engine.IO on Liberty: the servlet (polling), the WebSocket endpoint, admission and writes.
 *
 * <p>The hot path of one event, from here on: the engine's WebSocket hands a frame to
 * {@link com.portfolio.bridge.transport.WebSocketConnection#write}, which adds it to the socket's
 * {@link com.portfolio.bridge.transport.OutboundQueue} and returns at once. If no send is in
 * flight the queue starts one through {@link com.portfolio.bridge.transport.AsyncWire} (Liberty's
 * async send, with the {@code write-stall-ms} deadline); Liberty writes it on its own threads and
 * calls back, and the callback starts the next queued frame. A missed deadline or a full queue
 * cuts the client; {@link com.portfolio.bridge.transport.SessionCloser} closes the WebSocket, off
 * every shared thread, once no send is pending. A long-polling answer is buffered in memory and
 * {@link com.portfolio.bridge.transport.PollAnswer} writes it on a
 * {@link com.portfolio.bridge.transport.PollWriters} thread, off the session's lock, with
 * Liberty's HTTP write timeout as its deadline. New sessions pass
 * {@link com.portfolio.bridge.transport.NewSessionFilter} first (the connection cap, the per-IP limit).
 */
package com.portfolio.bridge.transport;

package com.portfolio.bridge.transport;

/**
 * Adds {@code maxPayload} to the engine's open packet: Engine.IO v4 handshakes carry it, and
 * engine.io-server 6.3.2 leaves it out, so clients could not know the server's limit.
 */
final class OpenPacket {

    private OpenPacket() {
    }

    static boolean isOpenPacket(String frame) {
        return frame.startsWith("0{");
    }

    static String withMaxPayload(String frame, long maxPayload) {
        if (!isOpenPacket(frame) || frame.contains("\"maxPayload\"")) {
            return frame;
        }
        return "0{\"maxPayload\":" + maxPayload + "," + frame.substring(2);
    }
}

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

    /** The session id the open packet hands the client, or null. */
    static String sid(String frame) {
        java.util.regex.Matcher m = SID.matcher(frame);
        return isOpenPacket(frame) && m.find() ? m.group(1) : null;
    }

    private static final java.util.regex.Pattern SID = java.util.regex.Pattern.compile("\"sid\"\\s*:\\s*\"([^\"]{1,64})\"");

    static String withMaxPayload(String frame, long maxPayload) {
        if (!isOpenPacket(frame) || frame.contains("\"maxPayload\"")) {
            return frame;
        }
        return "0{\"maxPayload\":" + maxPayload + "," + frame.substring(2);
    }
}

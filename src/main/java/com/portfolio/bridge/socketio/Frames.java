package com.portfolio.bridge.socketio;

import io.socket.socketio.server.parser.IOParser;
import io.socket.socketio.server.parser.Packet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONObject;

/**
 * Every Socket.IO v5 / Engine.IO v4 frame the bridge writes itself rather than through the
 * library's encoder: the broadcast EVENT (encoded once per room, the producer's document spliced
 * in verbatim, the socket's offset last), CONNECT_ERROR, the CONNECT answer with a {@code pid},
 * the OPEN packet with {@code maxPayload} and the noop; and, through the library's encoder, any
 * other packet a room broadcasts.
 */
public final class Frames {

    /** The Engine.IO noop packet: answers a poll nobody else will. */
    static final String NOOP = "6";
    private static final IOParser.Encoder ENCODER = new IOParser.Encoder();
    private static final Pattern OPEN_SID = Pattern.compile("\"sid\"\\s*:\\s*\"([^\"]{1,64})\"");

    private Frames() {
    }

    /** An EVENT packet's text without its closing bracket: {@code 2<nsp>,["<event>",<document>}. */
    public static String eventOpen(String namespace, String event, String documentJson) {
        return "2" + namespace + ",[" + JSONObject.quote(event) + "," + documentJson;
    }

    /** The EVENT with no more arguments. */
    public static String event(String eventOpen) {
        return eventOpen + "]";
    }

    /** The EVENT with the socket's offset as its last argument (connection state recovery). */
    public static String eventWithOffset(String eventOpen, String offset) {
        return eventOpen + ",\"" + offset + "\"]";
    }

    /** {@code 4<nsp>,{"message":…,"data":{"reason":…}}}: the client's {@code connect_error}. */
    public static String connectError(String namespace, String message, String reason) {
        JSONObject error = new JSONObject().put("message", message);
        if (reason != null) {
            error.put("data", new JSONObject().put("reason", reason));
        }
        return "4" + ("/".equals(namespace) ? "" : namespace + ",") + error;
    }

    /** True for the library's CONNECT answer on {@code namespace}: {@code 0<nsp>,{"sid":…}}. */
    static boolean isConnectAck(String frame, String namespace) {
        return frame.startsWith("0" + namespace + ",{");
    }

    /** The CONNECT answer with {@code "pid"} added. */
    static String connectAckWithPid(String frame, String namespace, String pid) {
        String prefix = "0" + namespace + ",";
        return prefix + new JSONObject(frame.substring(prefix.length())).put("pid", pid);
    }

    static boolean isOpenPacket(String frame) {
        return frame.startsWith("0{");
    }

    /** The session id an OPEN packet hands the client, or null. */
    static String openSid(String frame) {
        Matcher m = OPEN_SID.matcher(frame);
        return isOpenPacket(frame) && m.find() ? m.group(1) : null;
    }

    /** The OPEN packet with {@code maxPayload}, which Engine.IO v4 handshakes carry and the library leaves out. */
    static String openWithMaxPayload(String frame, long maxPayload) {
        if (!isOpenPacket(frame) || frame.contains("\"maxPayload\"")) {
            return frame;
        }
        return "0{\"maxPayload\":" + maxPayload + "," + frame.substring(2);
    }

    /** A packet as the library encodes it (a text frame, then any binary attachments): once per broadcast. */
    public static List<Object> encode(Packet<?> packet) {
        List<Object> frames = new ArrayList<>(1);
        ENCODER.encode(packet, encoded -> frames.addAll(Arrays.asList(encoded)));
        return frames;
    }
}

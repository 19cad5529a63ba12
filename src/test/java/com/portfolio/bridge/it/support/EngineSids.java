package com.portfolio.bridge.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.json.JSONObject;

/**
 * Whether the server still knows an Engine.IO session, asked as any HTTP client can: a request
 * with its sid. A PUT is refused without touching a live session (400 "Bad request"), so asking
 * never keeps a session alive, closes it, or takes the place of a pending poll; once the session
 * is closed the answer is 400 "Session ID unknown". One connection per question, closed after
 * it, so no descriptor stays open between questions.
 */
public final class EngineSids {

    private static final int UNKNOWN_SID = 1;
    private static final int BAD_REQUEST = 3;

    private EngineSids() {
    }

    /** True once the server answers "Session ID unknown" for {@code sid}. */
    public static boolean unknown(String sid) {
        OneShotHttp.Answer answer;
        try {
            answer = OneShotHttp.put(Ports.http(), "/socket.io/?EIO=4&transport=polling&sid=" + sid);
        } catch (IOException e) {
            throw new UncheckedIOException("asking about session " + sid + " failed", e);
        }
        int code = answer.status() == 400 ? new JSONObject(answer.body()).optInt("code", -1) : -1;
        if (code != UNKNOWN_SID && code != BAD_REQUEST) {
            throw new AssertionError("session " + sid + ": unexpected answer " + answer);
        }
        return code == UNKNOWN_SID;
    }
}

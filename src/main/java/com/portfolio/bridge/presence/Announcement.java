package com.portfolio.bridge.presence;

import com.portfolio.bridge.recovery.SessionState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * What nodes tell each other on the cluster topic. Counts are absolute (a user's sockets on the
 * sender now, 0 = none), so applying one twice or after a snapshot is harmless; {@code seq}
 * numbers the sender's deltas, so a receiver sees when it missed one and asks for a snapshot.
 *
 * @param run     the sender's run (instance id): a restarted node starts a fresh state
 * @param to      for SYNC: the node asked for a snapshot
 * @param members conversation id → user id → that user's sockets in it
 * @param sessions pid → the session's state, or null: it ended and cannot come back
 */
public record Announcement(Type type, String node, String run, long seq, boolean warming, String to,
                           Map<String, Integer> users, Map<String, Map<String, Integer>> members,
                           Map<String, SessionState> sessions) {

    public enum Type { DELTA, BEAT, SNAPSHOT, SYNC, BYE }

    static Announcement control(Type type, String node, String run, long seq, boolean warming, String to) {
        return new Announcement(type, node, run, seq, warming, to, Map.of(), Map.of(), Map.of());
    }

    public String toJson() {
        JSONObject json = new JSONObject().put("t", type.name()).put("node", node).put("run", run)
                .put("seq", seq).put("warming", warming);
        if (to != null) {
            json.put("to", to);
        }
        if (!users.isEmpty()) {
            json.put("users", new JSONObject(users));
        }
        if (!members.isEmpty()) {
            JSONObject rooms = new JSONObject();
            members.forEach((conversation, counts) -> rooms.put(conversation, new JSONObject(counts)));
            json.put("members", rooms);
        }
        if (!sessions.isEmpty()) {
            JSONObject states = new JSONObject();
            sessions.forEach((pid, state) -> states.put(pid, state == null ? JSONObject.NULL
                    : new JSONObject().put("u", state.userId()).put("r", new JSONArray(state.rooms())).put("g", state.gone())
                            .putOpt("o", state.start())));
            json.put("sessions", states);
        }
        return json.toString();
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public static Announcement parse(String text) {
        try {
            JSONObject json = new JSONObject(text);
            Type type = Type.valueOf(json.getString("t"));
            Map<String, Map<String, Integer>> members = new HashMap<>();
            JSONObject rooms = json.optJSONObject("members");
            if (rooms != null) {
                rooms.keySet().forEach(conversation -> members.put(conversation, counts(rooms.getJSONObject(conversation))));
            }
            return new Announcement(type, json.getString("node"), json.getString("run"), json.getLong("seq"),
                    json.optBoolean("warming"), json.optString("to", null), counts(json.optJSONObject("users")), members,
                    sessions(json.optJSONObject("sessions")));
        } catch (JSONException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not a cluster announcement: " + e.getMessage(), e);
        }
    }

    private static Map<String, SessionState> sessions(JSONObject json) {
        Map<String, SessionState> sessions = new HashMap<>();
        if (json != null) {
            for (String pid : json.keySet()) {
                JSONObject state = json.optJSONObject(pid);
                if (state == null) {
                    sessions.put(pid, null);
                    continue;
                }
                Set<String> rooms = new HashSet<>();
                state.getJSONArray("r").forEach(room -> rooms.add((String) room));
                sessions.put(pid, new SessionState(state.getString("u"), Set.copyOf(rooms), state.getBoolean("g"),
                        state.optString("o", null)));
            }
        }
        return sessions;
    }

    private static Map<String, Integer> counts(JSONObject json) {
        Map<String, Integer> counts = new HashMap<>();
        if (json != null) {
            for (String key : json.keySet()) {
                int count = json.getInt(key);
                if (count < 0) {
                    throw new IllegalArgumentException("negative count for " + key);
                }
                counts.put(key, count);
            }
        }
        return counts;
    }
}

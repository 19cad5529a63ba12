package com.portfolio.bridge.recovery;

import java.util.HashSet;
import java.util.Set;

/**
 * A session as a node announces it to the others: whose, its rooms, whether it is gone (kept for
 * recovery) or still connected there, and the position it started from. Another node can restore
 * it from this alone.
 */
public record SessionState(String userId, Set<String> rooms, boolean gone, String start) {

    public SessionState(String userId, Set<String> rooms, boolean gone) {
        this(userId, rooms, gone, null);
    }

    /** A session's rooms after a join or leave command. */
    public static Set<String> afterCommand(Set<String> rooms, String room, boolean join) {
        Set<String> changed = new HashSet<>(rooms);
        if (join) {
            changed.add(room);
        } else {
            changed.remove(room);
        }
        return Set.copyOf(changed);
    }
}

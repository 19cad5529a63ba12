package com.portfolio.bridge.realtime;

import com.portfolio.bridge.recovery.Session;
import com.portfolio.bridge.recovery.SessionState;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** This node's own presence and sessions, as its rooms hold them (counts are read when asked). */
public interface LocalCounts {

    /** Users whose socket count changed since the last call → their count now. */
    Map<String, Integer> drainUsers();

    /** Memberships changed since the last call: conversation → user → sockets in it now. */
    Map<String, Map<String, Integer>> drainMembers();

    Map<String, Integer> allUsers();

    Map<String, Map<String, Integer>> allMembers();

    /** Sessions changed since the last call: pid → state, or null when it ended for good. */
    Map<String, SessionState> drainSessions();

    Map<String, SessionState> allSessions();

    /** Another node has these sessions connected now. */
    void claimedElsewhere(Set<String> pids);

    /** The sessions of a node that is gone, so they can come back here. */
    void adopt(List<Session> orphans);

    int sockets(String userId);

    /** User → sockets of theirs in the conversation. */
    Map<String, Integer> conversation(String conversationId);
}

package com.portfolio.bridge.presence;

import java.util.Map;

/** This node's own presence, as its rooms hold it (counts are read when asked). */
public interface LocalCounts {

    /** Users whose socket count changed since the last call → their count now. */
    Map<String, Integer> drainUsers();

    /** Memberships changed since the last call: conversation → user → sockets in it now. */
    Map<String, Map<String, Integer>> drainMembers();

    Map<String, Integer> allUsers();

    Map<String, Map<String, Integer>> allMembers();

    int sockets(String userId);

    /** User → sockets of theirs in the conversation. */
    Map<String, Integer> conversation(String conversationId);
}

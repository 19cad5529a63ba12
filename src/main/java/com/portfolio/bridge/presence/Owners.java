package com.portfolio.bridge.presence;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;

/**
 * Which node publishes a user's presence events: rendezvous hashing over the nodes every node
 * sees alive, so all agree without talking, and a node leaving moves only its own users.
 */
final class Owners {

    private Owners() {
    }

    /** The node with the highest score for the user; of equal scores, the first name. */
    static String owner(String userId, Collection<String> nodes) {
        return nodes.stream().max(Comparator.comparing((String node) -> score(node, userId), Long::compareUnsigned)
                .thenComparing(Comparator.reverseOrder())).orElse(null);
    }

    /** FNV-1a over node, NUL, user, then a final mix: the same on every JVM. */
    private static long score(String node, String userId) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (node + '\0' + userId).getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        return hash ^ (hash >>> 33);
    }
}

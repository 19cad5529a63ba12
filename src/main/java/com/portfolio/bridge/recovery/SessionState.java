package com.portfolio.bridge.recovery;

import java.util.Set;

/**
 * A session as a node announces it to the others: whose, its rooms, and whether it is gone
 * (kept for recovery) or still connected there. Another node can restore it from this alone.
 */
public record SessionState(String userId, Set<String> rooms, boolean gone) {
}

package com.portfolio.bridge.recovery;

import java.util.Set;

/** A socket that went away and may come back: whose it was, and its rooms (contract names). */
public record Session(String pid, String userId, Set<String> rooms, long disconnectedAtMs) {
}

package com.portfolio.bridge.recovery;

import java.util.List;
import java.util.Set;

/**
 * A session that may come back as it was: per stream, the number after which its rooms' events
 * are replayed, without the ones the client listed as already had.
 */
public record Restore(Session session, long[] after, List<Set<Long>> exclude) {
}

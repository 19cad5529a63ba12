package com.portfolio.bridge.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users whose tokens issued before some instant are no longer accepted: JWTs are stateless,
 * so "log out everywhere" and bans need this. An entry is kept for {@code retention} after its
 * instant (tokens living longer than that past a revocation are not covered), then dropped.
 * A token without {@code iat} cannot prove it is newer: it is refused while an entry stands.
 */
public final class Revocations {

    private final Map<String, Instant> issuedBefore = new ConcurrentHashMap<>();
    private final Duration retention;
    private final Clock clock;

    public Revocations(Duration retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    /** From now on the user's tokens issued before {@code before} are refused; a later revocation never narrows an earlier one. */
    public void revoke(String userId, Instant before) {
        issuedBefore.merge(userId, before, (old, next) -> next.isAfter(old) ? next : old);
        Instant oldestKept = clock.instant().minus(retention);
        issuedBefore.values().removeIf(expired -> expired.isBefore(oldestKept));
    }

    public boolean isRevoked(AuthenticatedUser user) {
        Instant before = issuedBefore.get(user.userId());
        if (before == null) {
            return false;
        }
        if (clock.instant().isAfter(before.plus(retention))) {
            issuedBefore.remove(user.userId(), before);
            return false;
        }
        return user.issuedAt() == null || user.issuedAt().isBefore(before);
    }

    public int size() {
        return issuedBefore.size();
    }
}

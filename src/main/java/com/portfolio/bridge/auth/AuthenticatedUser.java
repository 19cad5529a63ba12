package com.portfolio.bridge.auth;

import java.time.Instant;
import java.util.Set;

/**
 * Who a verified token speaks for, until when, when it was issued (null without {@code iat}),
 * the scopes it carries ({@code scope} or {@code scp}) and the token itself (to act on the
 * user's behalf).
 */
public record AuthenticatedUser(String userId, Instant expiresAt, Instant issuedAt, Set<String> scopes, String token) {

    public AuthenticatedUser {
        scopes = Set.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "AuthenticatedUser[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}

package com.portfolio.bridge.auth;

import java.time.Instant;

/** Who a verified token speaks for, until when, and the token itself (to act on the user's behalf). */
public record AuthenticatedUser(String userId, Instant expiresAt, String token) {

    @Override
    public String toString() {
        return "AuthenticatedUser[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}

package com.portfolio.bridge.auth;

import java.time.Instant;

/** Who a verified token speaks for, and until when. */
public record AuthenticatedUser(String userId, Instant expiresAt) {
}

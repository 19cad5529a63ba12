package com.portfolio.bridge.auth;

import java.util.Locale;

/** Why a token was refused; {@link #code()} is what clients see in {@code err.data.reason}. */
public enum RejectionReason {
    MISSING, MALFORMED, EXPIRED, NOT_YET_VALID, SIGNATURE, ALGORITHM, CLAIMS,
    /** Issued before the backend revoked the user's tokens (a disconnect command with revokeIssuedBefore). */
    REVOKED,
    /** The key source (JWKS) could not be reached: the server's problem, not the client's. */
    UNAVAILABLE;

    /** The name in lower case: "not_yet_valid". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

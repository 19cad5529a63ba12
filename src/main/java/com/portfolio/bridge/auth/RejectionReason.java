package com.portfolio.bridge.auth;

/** Why a token was refused; {@link #code()} is what clients see in {@code err.data.reason}. */
public enum RejectionReason {
    MISSING("missing"),
    MALFORMED("malformed"),
    EXPIRED("expired"),
    NOT_YET_VALID("not_yet_valid"),
    SIGNATURE("signature"),
    ALGORITHM("algorithm"),
    CLAIMS("claims"),
    /** Issued before the backend revoked the user's tokens (a disconnect command with revokeIssuedBefore). */
    REVOKED("revoked"),
    /** The key source (JWKS) could not be reached: the server's problem, not the client's. */
    UNAVAILABLE("unavailable");

    private final String code;

    RejectionReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

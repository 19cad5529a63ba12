package com.portfolio.bridge.auth;

/** A token that does not authenticate anyone. Messages never contain the token. */
public class TokenRejectedException extends Exception {

    private static final long serialVersionUID = 1L;
    private final RejectionReason reason;

    public TokenRejectedException(RejectionReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}

package com.portfolio.bridge.access;

/** Whether a user may join a conversation; {@link #error()} is what the client's ack says. */
public enum AccessDecision {
    ALLOWED(null),
    FORBIDDEN("forbidden"),
    UNAVAILABLE("unavailable");

    private final String error;

    AccessDecision(String error) {
        this.error = error;
    }

    public String error() {
        return error;
    }
}

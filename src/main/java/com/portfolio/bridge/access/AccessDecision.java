package com.portfolio.bridge.access;

import java.util.Locale;

/** Whether a user may join a conversation; {@link #error()} is what the client's ack says. */
public enum AccessDecision {
    ALLOWED, FORBIDDEN, UNAVAILABLE;

    /** null when allowed, else the name in lower case. */
    public String error() {
        return this == ALLOWED ? null : name().toLowerCase(Locale.ROOT);
    }
}

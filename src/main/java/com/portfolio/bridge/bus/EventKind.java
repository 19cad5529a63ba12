package com.portfolio.bridge.bus;

/** The two kinds of domain event the bus carries, and the key each is routed by. */
public enum EventKind {
    NOTIFICATION("userId"),
    MESSAGE("conversationId");

    private final String routingKey;

    EventKind(String routingKey) {
        this.routingKey = routingKey;
    }

    /** The JMS string property, or else the document field, that names the target room. */
    public String routingKey() {
        return routingKey;
    }
}

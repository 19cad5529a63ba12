package com.portfolio.bridge.vocabulary;

/** What the bus carries: two kinds of domain event and the backend's commands, and the key each is routed by. */
public enum EventKind {
    NOTIFICATION("userId"),
    MESSAGE("conversationId"),
    /** Backend commands (join, leave, disconnect), each about one user. */
    COMMAND("userId");

    private final String routingKey;

    EventKind(String routingKey) {
        this.routingKey = routingKey;
    }

    /** The JMS string property, or else the document field, that names the target room. */
    public String routingKey() {
        return routingKey;
    }
}

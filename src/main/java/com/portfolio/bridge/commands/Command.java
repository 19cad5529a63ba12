package com.portfolio.bridge.commands;

import java.time.Instant;
import java.util.Optional;

/** A backend's command from the commands topic; every node applies it to its own sockets. */
public sealed interface Command {

    /** The user whose sockets the command acts on. */
    String userId();

    /** Every socket of the user joins the conversation's room. */
    record Join(String userId, String conversationId) implements Command {
    }

    /** Every socket of the user leaves the conversation's room. */
    record Leave(String userId, String conversationId) implements Command {
    }

    /**
     * Every socket of the user ends with {@code io server disconnect}; with {@code revokeIssuedBefore},
     * the user's tokens issued before that instant are refused at CONNECT from now on.
     */
    record Disconnect(String userId, Optional<String> reason, Optional<Instant> revokeIssuedBefore) implements Command {
    }
}

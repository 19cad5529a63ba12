package com.portfolio.bridge.realtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Tells when the rooms' changes so far have gone out to the other nodes. A join is acknowledged
 * only then: were this node to die right after, the session another node restores has the room.
 * The cluster's presence implements it; until it is there (or on its own), changes count as out.
 */
public interface Announcements {

    Announcements NONE = () -> CompletableFuture.completedFuture(null);

    CompletionStage<Void> flushed();
}

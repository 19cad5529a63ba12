package com.portfolio.bridge.access;

import java.util.concurrent.CompletionStage;

/** Decides who may join which conversation. Never blocks the caller: answers come later. */
public interface ConversationAccess {

    CompletionStage<AccessDecision> check(String userId, String bearerToken, String conversationId);

    /** The contract as written: any authenticated user may join any conversation. */
    ConversationAccess OPEN = (userId, token, conversationId) ->
            java.util.concurrent.CompletableFuture.completedFuture(AccessDecision.ALLOWED);
}

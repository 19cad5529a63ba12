package com.portfolio.bridge.realtime;

import com.portfolio.bridge.vocabulary.EventKind;

/**
 * Runs a task in order with everything else of one key: the user's (notifications, commands) or
 * the conversation's (messages). Events are delivered there, and a restore replays and rejoins a
 * room there, so no live event of that room can slip in between, or arrive twice. The bus's
 * lanes implement it.
 */
public interface Sequencer {

    void run(EventKind kind, String key, Runnable task);
}

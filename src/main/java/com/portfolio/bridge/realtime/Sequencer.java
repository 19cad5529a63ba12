package com.portfolio.bridge.realtime;

/**
 * Runs a task in order with the emits of one room: on the lane of the user (notifications) or
 * of the conversation (messages). A restore replays and rejoins a room there, so no live event
 * of that room can slip in between, or arrive twice. The bus's lanes implement it.
 */
public interface Sequencer {

    void run(boolean notifications, String key, Runnable task);
}

package com.portfolio.bridge.presence;

import java.util.List;

/** A conversation's room across the cluster: its sockets, and whose they are (sorted). */
public record RoomPresenceView(String conversationId, int sockets, List<String> users) {
}

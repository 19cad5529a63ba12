package com.portfolio.bridge.presence;

import java.util.List;

/** A user across the cluster: sockets, and the nodes that hold them. */
public record UserPresence(String userId, int sockets, List<String> nodes) {

    public boolean online() {
        return sockets > 0;
    }
}

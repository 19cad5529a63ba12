package com.portfolio.bridge.transport;

import java.net.SocketTimeoutException;

/** How Liberty says a write missed its deadline, on either transport: a SocketTimeoutException somewhere in the cause chain. */
final class WriteTimeouts {

    private WriteTimeouts() {
    }

    static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}

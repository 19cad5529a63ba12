package com.portfolio.bridge.bus;

/** An event that can never be delivered as sent; retrying would not help, so it is dead-lettered. */
public class PoisonEventException extends Exception {

    private static final long serialVersionUID = 1L;

    public PoisonEventException(String reason) {
        super(reason);
    }

    public String reason() {
        return getMessage();
    }
}

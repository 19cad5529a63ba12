package com.portfolio.bridge.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The demo page's policy echoes the Host header only when it is a plain host[:port]. */
class DemoPageServletTest {

    private static final String SAME_ORIGIN = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'";
    private static final String REST = "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Test
    void aPlainHostGetsItsWebSocketOriginsSpelledOut() {
        assertEquals(SAME_ORIGIN + " ws://localhost:9080 wss://localhost:9080" + REST, DemoPageServlet.policy("localhost:9080"));
        assertEquals(SAME_ORIGIN + " ws://[::1]:9080 wss://[::1]:9080" + REST, DemoPageServlet.policy("[::1]:9080"));
    }

    @Test
    void anythingElseInTheHostHeaderLeavesSelfOnly() {
        for (String host : new String[] {null, "", "evil; script-src *", "a b", "host:99999x", "x".repeat(300)}) {
            assertEquals(SAME_ORIGIN + REST, DemoPageServlet.policy(host), String.valueOf(host));
        }
    }
}

package com.portfolio.bridge.it.support;

/** The test server's HTTP port: a system property in the test JVM, an env var inside the server. */
public final class Ports {

    private Ports() {
    }

    public static int http() {
        String port = System.getProperty("it.http.port", System.getenv("IT_HTTP_PORT"));
        return Integer.parseInt(port);
    }
}

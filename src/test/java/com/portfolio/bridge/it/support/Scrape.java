package com.portfolio.bridge.it.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One read of the node's /metrics (Prometheus text), as a Prometheus server would take it:
 * series name plus labels (without Liberty's {@code mp_scope}) to value. A series not exported
 * yet reads as 0, as a counter that has not moved.
 */
public final class Scrape {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    private final Map<String, Double> series = new HashMap<>();
    private final String text;

    private Scrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line.trim());
            if (!line.startsWith("#") && m.matches()) {
                series.put(key(m.group(1), labels(m.group(2))), Double.parseDouble(m.group(3)));
            }
        }
    }

    public static Scrape of(int port) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + response.statusCode());
        }
        return new Scrape(response.body());
    }

    /** This node's /metrics now, for a condition to wait on. @throws IllegalStateException if it cannot be read */
    public static Scrape now() {
        try {
            return of(Ports.http());
        } catch (Exception e) {
            throw new IllegalStateException("cannot scrape /metrics: " + e, e);
        }
    }

    /** @param labels name, value, name, value … exactly the series' labels besides mp_scope */
    public double value(String name, String... labels) {
        Map<String, String> wanted = new java.util.TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return series.getOrDefault(key(name, wanted), 0.0);
    }

    /** Clients cut so far for not reading, on one transport ({@code portfolio_stalled_clients_cut_total}). */
    public static long stalledCut(int port, String transport) {
        try {
            return Math.round(of(port).value("portfolio_stalled_clients_cut_total", "transport", transport));
        } catch (Exception e) {
            throw new IllegalStateException("cannot scrape /metrics: " + e, e);
        }
    }

    public String text() {
        return text;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new java.util.TreeMap<>();
        if (text != null) {
            Matcher m = LABEL.matcher(text);
            while (m.find()) {
                if (!"mp_scope".equals(m.group(1))) {
                    labels.put(m.group(1), m.group(2));
                }
            }
        }
        return labels;
    }

    private static String key(String name, Map<String, String> labels) {
        return name + labels;
    }
}

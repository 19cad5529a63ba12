package com.portfolio.bridge.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.json.JSONArray;
import org.json.JSONObject;

/** A non-Java producer: src/test/js/amqp-publish.mjs (Node, rhea) over AMQP 1.0. */
final class AmqpProducer {

    private final ArtemisBroker broker;
    private final JSONArray batch = new JSONArray();

    AmqpProducer(ArtemisBroker broker) {
        this.broker = broker;
    }

    /** Queues one message; shape is string, octets, json-data or map. */
    AmqpProducer add(String address, String shape, Object body, JSONObject properties) {
        batch.put(new JSONObject().put("address", address).put("shape", shape).put("body", body)
                .put("properties", properties == null ? new JSONObject() : properties));
        return this;
    }

    /** Publishes everything queued, in order, and waits for the broker to accept each. */
    void publish() throws Exception {
        Path file = Files.createTempFile("amqp-batch", ".json");
        try {
            Files.writeString(file, batch.toString());
            Path js = Path.of(System.getProperty("it.js.dir"));
            Processes.run(Duration.ofSeconds(60), "node", js.resolve("amqp-publish.mjs").toString(),
                    String.valueOf(broker.port()), broker.user(), broker.password(), file.toString());
        } finally {
            Files.delete(file);
        }
    }
}

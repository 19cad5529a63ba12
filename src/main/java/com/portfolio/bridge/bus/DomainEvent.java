package com.portfolio.bridge.bus;

import com.portfolio.bridge.vocabulary.EventKind;

/** A decoded event: where it goes and the producer's JSON document, byte for byte. */
public record DomainEvent(EventKind kind, String routingKey, String documentJson) {
}

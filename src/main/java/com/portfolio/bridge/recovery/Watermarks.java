package com.portfolio.bridge.recovery;

/** The streams' watermarks at one moment: numbers on this node, ids (text, null for none) for any node. */
public record Watermarks(long[] seqs, String[] ids) {
}

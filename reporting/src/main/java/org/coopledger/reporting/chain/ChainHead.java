package org.coopledger.reporting.chain;

/**
 * Where the chain ends: the last linked global index and its link (hex), and how many events
 * the chain holds. {@code link} is null while nothing is linked.
 */
public record ChainHead(long globalIndex, String link, long links) {
}

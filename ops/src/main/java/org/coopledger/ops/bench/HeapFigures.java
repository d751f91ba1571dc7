package org.coopledger.ops.bench;

/**
 * Heap of the benchmark's JVM over the load (warm-up and measured window).
 *
 * @param peakUsedSampledBytes highest total heap use seen by sampling every 50 ms (a lower bound)
 * @param poolPeaksSumBytes    sum of each heap pool's own peak (an upper bound)
 * @param peakAfterGcBytes     highest heap use left right after a collection (the last one, read every 50 ms):
 *                             what survived plus old-generation garbage that G1 leaves until its next marking
 *                             (it starts at 45 % of the heap), so up to about half the maximum without a leak
 * @param serverIncluded       true when the ledger ran in this JVM, so the heap is server and clients together
 */
public record HeapFigures(long peakUsedSampledBytes, long poolPeaksSumBytes, long peakAfterGcBytes, long maxBytes,
                          long gcCount, long gcMillis, boolean serverIncluded) {
}

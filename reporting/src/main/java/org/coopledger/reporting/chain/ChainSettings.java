package org.coopledger.reporting.chain;

import java.time.Duration;

/**
 * How the chain keeper runs.
 *
 * @param interval        pause between two rounds of linking
 * @param batchSize       events linked per transaction
 * @param gapWindow       how old the event after a gap in the global index must be before the
 *                        gap is taken as permanent (a rolled-back insert) and skipped; like
 *                        Axon's gap timeout, it must exceed the longest command transaction
 * @param checkpointEvery links between two automatic checkpoints
 */
public record ChainSettings(Duration interval, int batchSize, Duration gapWindow, long checkpointEvery) {

    public ChainSettings {
        if (interval.isNegative() || interval.isZero() || batchSize < 1 || gapWindow.isNegative() || checkpointEvery < 1) {
            throw new IllegalArgumentException("chain settings out of range");
        }
    }
}

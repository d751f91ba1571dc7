package org.coopledger.reporting.chain;

/**
 * The first place where the event store and its chain disagree. {@code detail} names indexes,
 * event identifiers and types only, never event contents (they may hold personal data).
 */
public record ChainProblem(long globalIndex, Kind kind, String detail) {

    public enum Kind {
        /** The event at this index exists but its stored bytes or fields are no longer what was linked. */
        ALTERED,
        /** The chain linked an event at this index and the event store no longer has it. */
        DELETED,
        /**
         * An event stands where the chain did not put it: at an index the chain skipped as a gap,
         * or another event than the one linked there (global indexes reordered).
         */
        INSERTED_OUT_OF_ORDER,
        /** A stored checkpoint, or a link an auditor noted, differs from the chain: the chain itself was rewritten. */
        CHECKPOINT_MISMATCH
    }
}

package org.coopledger.core.journal;

/**
 * An invariant breach, not a user error: code tried to build a journal entry whose debits and
 * credits differ. Never mapped to a 4xx; it means a bug or a tampered event.
 */
public class UnbalancedEntryException extends IllegalStateException {
    public UnbalancedEntryException(String message) {
        super(message);
    }
}

package org.coopledger.reporting.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * What a replay found, kept to a bounded number of texts so that a badly damaged ledger (every
 * projection row gone) cannot fill the verifier's memory; {@link #found()} still counts them all.
 * Texts name indexes, accounts, GL codes and amounts, never personal data.
 */
final class Differences {

    static final int KEPT = 1_000;

    private final List<String> kept = new ArrayList<>();
    private long found;

    void add(String difference) {
        found++;
        if (kept.size() < KEPT) {
            kept.add(difference);
        }
    }

    long found() {
        return found;
    }

    List<String> kept() {
        return List.copyOf(kept);
    }
}

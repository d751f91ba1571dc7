package org.coopledger.ops.bench;

import java.net.URI;
import java.util.List;

/**
 * One run of the report scenario.
 *
 * @param repeats          measured requests per case, one after the other (after {@link #WARMUP} unmeasured ones)
 * @param target           a running ledger; null = start one in-process
 * @param database         the target's database, needed to seed it
 * @param ledgerProperties in-process: extra {@code name=value} Spring properties for the ledger
 * @param cases            only the cases whose name contains this text (e.g. "portfolio today", the three
 *                         with the 200 ms target, in two minutes instead of ten); null = every case
 */
public record PortfolioBenchSettings(int loans, int accounts, int repeats, URI target, String adminPassword,
                                     DatabaseTarget database, List<String> ledgerProperties, String cases) {

    /** Unmeasured requests per case first: the first ones pay for parsing, planning and cold caches. */
    public static final int WARMUP = 10;

    public PortfolioBenchSettings {
        ledgerProperties = List.copyOf(ledgerProperties);
        if (repeats < 1 || repeats > 10_000) {
            throw new IllegalArgumentException("--repeats must be 1 to 10,000");
        }
        if (target != null && (adminPassword == null || adminPassword.isBlank() || database == null)) {
            throw new IllegalArgumentException("--target needs --admin-password and --db-url: the report scenario "
                    + "seeds the read model with SQL");
        }
    }
}

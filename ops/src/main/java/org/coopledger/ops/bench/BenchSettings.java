package org.coopledger.ops.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One run's parameters, checked once.
 *
 * @param ratePerSecond operations per second over all clients (open loop); 0 = closed loop
 * @param target        a running ledger; null = start one in-process
 * @param database      the target's database for the baseline; null = none (ignored in-process)
 * @param ledgerProperties in-process: extra {@code name=value} Spring properties for the ledger
 * @param settle        load the ledger until its rate stops rising before the measured run ({@link Settling})
 */
public record BenchSettings(Scenario scenario, int clients, Duration duration, Duration warmup, int accounts,
                            double ratePerSecond, URI target, String adminPassword, DatabaseTarget database,
                            boolean baseline, List<String> ledgerProperties, boolean settle) {

    public static final int MAX_CLIENTS = 1_024;
    public static final int MAX_ACCOUNTS = 100_000;

    public BenchSettings {
        ledgerProperties = List.copyOf(ledgerProperties);
        if (ledgerProperties.stream().anyMatch(p -> !p.contains("="))) {
            throw new IllegalArgumentException("--ledger-property takes NAME=VALUE");
        }
        if (clients < 1 || clients > MAX_CLIENTS) {
            throw new IllegalArgumentException("--clients must be 1 to " + MAX_CLIENTS);
        }
        if (accounts < 2 || accounts > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("--accounts must be 2 to " + MAX_ACCOUNTS + " (transfers need two)");
        }
        if (duration.isNegative() || duration.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("--duration must be positive and --warmup not negative");
        }
        if (ratePerSecond < 0 || Double.isNaN(ratePerSecond)) {
            throw new IllegalArgumentException("--rate must not be negative");
        }
        if (target != null && (adminPassword == null || adminPassword.isBlank())) {
            throw new IllegalArgumentException("--target needs --admin-password (or LEDGER_ADMIN_PASSWORD)");
        }
    }

    public boolean openLoop() {
        return ratePerSecond > 0;
    }

    @Override
    public String toString() {
        return "BenchSettings[" + scenario.label() + ", clients=" + clients + ", duration=" + duration + ", warmup="
                + warmup + ", accounts=" + accounts + ", rate=" + ratePerSecond + ", target=" + target + "]";
    }
}

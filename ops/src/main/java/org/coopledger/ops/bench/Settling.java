package org.coopledger.ops.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * Load before the measurement until the ledger's rate stops rising ({@code --settle}). A fresh
 * ledger spends minutes compiling: on session 18's machine one ledger made 403, 538, 717, 824,
 * 801 postings/s in consecutive minutes, so a run after a fixed short warm-up measures a ledger
 * still compiling, by an amount that varies with the machine (docs/PERFORMANCE.md).
 *
 * <p>The rule: windows of {@link #WINDOW}, at least {@link #MIN_WINDOWS}, until two windows in a
 * row are not {@link #RISE} above the best before them, at most {@link #MAX_WINDOWS}. Two, and
 * against the best rather than the last window, because this machine's windows move by ±10 %:
 * with one window, a ledger still compiling stopped after 247, 303, 298 postings/s and then
 * made 314, while one that went on, to 377, made 429 (docs/PERFORMANCE.md, session 19).
 */
final class Settling {

    static final Duration WINDOW = Duration.ofSeconds(30);
    static final int MIN_WINDOWS = 4;
    static final int MAX_WINDOWS = 10;
    static final double RISE = 0.05;

    private Settling() {
    }

    /** Whether the rates so far, oldest first, say the ledger has stopped speeding up. */
    static boolean settled(List<Double> rates) {
        if (rates.size() >= MAX_WINDOWS) {
            return true;
        }
        if (rates.size() < MIN_WINDOWS) {
            return false;
        }
        int n = rates.size();
        double bestBefore = Collections.max(rates.subList(0, n - 2));
        return rates.get(n - 2) < bestBefore * (1 + RISE) && rates.get(n - 1) < bestBefore * (1 + RISE);
    }

    /** Runs {@code window} (one window of load, its rate returned) until {@link #settled}; the rates, oldest first. */
    static List<Double> run(DoubleSupplier window, String unit, PrintStream progress) {
        List<Double> rates = new ArrayList<>();
        do {
            rates.add(window.getAsDouble());
            progress.printf(Locale.ROOT, "  settling window %d: %.1f %s%n", rates.size(), rates.get(rates.size() - 1), unit);
        } while (!settled(rates));
        return List.copyOf(rates);
    }
}

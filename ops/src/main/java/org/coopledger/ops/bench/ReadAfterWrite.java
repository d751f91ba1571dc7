package org.coopledger.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long after a deposit is acknowledged its account read shows it. The deposit's answer
 * carries the balance from the write side; reads come from the projections, which apply the
 * event after it has committed. A teller who deposits and then opens the statement sees this lag.
 * <p>
 * Measured one deposit at a time once the load is over, so it is the lag of an idle ledger: the
 * first deposit is not counted, since its read also waits for the projections to catch up with
 * the load. The pauses between deposits (0.6 to 0.8 s) are longer than the projections' 500 ms
 * between two looks prompted by commits, and vary so as to stay out of step with their poll; a
 * busier ledger waits up to that 500 ms (docs/PERFORMANCE.md, "Read after write").
 */
final class ReadAfterWrite {

    static final int SAMPLES = 20;
    private static final Duration GIVE_UP = Duration.ofSeconds(60);
    private static final String AMOUNT = "{\"amount\":" + Requests.money("1.00") + ",\"tillId\":\"BENCH-TILL\"}";

    private ReadAfterWrite() {
    }

    static LatencySummary measure(LedgerHttp teller, String accountId) throws IOException, InterruptedException {
        Histogram micros = LatencySummary.newMicrosHistogram();
        lagMicros(teller, accountId);
        for (int sample = 0; sample < SAMPLES; sample++) {
            Thread.sleep(ThreadLocalRandom.current().nextLong(600, 801));
            micros.recordValue(lagMicros(teller, accountId));
        }
        return LatencySummary.ofMicros(micros);
    }

    private static long lagMicros(LedgerHttp teller, String accountId) throws IOException, InterruptedException {
        String account = "/api/v1/savings-accounts/" + accountId;
        LedgerHttp.Reply deposit = teller.post(account + "/deposits", AMOUNT, "bench-lag-" + UUID.randomUUID());
        if (!deposit.ok()) {
            throw new IllegalStateException("a read-after-write deposit answered " + deposit.status() + " "
                    + deposit.problemCode());
        }
        JsonNode written = deposit.json().path("balance");
        long acknowledged = System.nanoTime();
        while (true) {
            LedgerHttp.Reply read = teller.get(account);
            if (read.ok() && read.json().path("balance").equals(written)) {
                return (System.nanoTime() - acknowledged) / 1_000;
            }
            if (System.nanoTime() - acknowledged > GIVE_UP.toNanos()) {
                throw new IllegalStateException("a deposit did not show in its account read within " + GIVE_UP);
            }
        }
    }
}

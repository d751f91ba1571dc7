package org.coopledger.ops.bench;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * One simulated teller: picks an operation, sends it, resends it with the same
 * Idempotency-Key on a conflict, a 5xx or a broken connection, and records what it saw once
 * the warm-up is over. Closed loop without a {@link Pacer}, open loop with one.
 */
final class LoadClient implements Runnable {

    /** Enough to ride out a burst of optimistic-lock conflicts on a hot account, bounded so a dead ledger ends the run. */
    static final int MAX_ATTEMPTS = 10;
    static final long BACKOFF_STEP_MILLIS = 5;

    private final int index;
    private final LedgerHttp http;
    private final OperationMix mix;
    private final Requests requests;
    private final Pacer pacer;
    private final long measureFromNanos;
    private final long endNanos;
    private final OperationStats stats = new OperationStats();

    /** @param pacer null for closed loop */
    LoadClient(int index, LedgerHttp http, OperationMix mix, Requests requests, Pacer pacer,
               long measureFromNanos, long endNanos) {
        this.index = index;
        this.http = http;
        this.mix = mix;
        this.requests = requests;
        this.pacer = pacer;
        this.measureFromNanos = measureFromNanos;
        this.endNanos = endNanos;
    }

    OperationStats stats() {
        return stats;
    }

    @Override
    public void run() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (long k = 0; ; k++) {
            long start = pacer == null ? System.nanoTime() : pacer.dueNanos(index, k);
            if (start >= endNanos) {
                return;
            }
            // Also by the wall clock: an open-loop client that has fallen behind its schedule stops
            // at the end of the window instead of draining a backlog that would inflate ops/s, and
            // counts what it never sent as errors, so a ledger slower than the requested rate
            // fails the run instead of reporting fewer operations and no error.
            if (System.nanoTime() >= endNanos) {
                stats.recordNotSent(dueInWindowFrom(k));
                return;
            }
            waitUntil(start);
            Requests.Request request = requests.next(mix.pick(random), random);
            int retries = 0;
            Outcome outcome = attempt(request);
            while (outcome.verdict() == Outcome.Verdict.RETRY && retries < MAX_ATTEMPTS - 1) {
                retries++;
                sleepMillis(BACKOFF_STEP_MILLIS * retries);
                outcome = attempt(request);
            }
            long latencyMicros = (System.nanoTime() - start) / 1_000;
            if (start >= measureFromNanos) {
                stats.record(request.kind(), outcome.givenUp(), latencyMicros, retries);
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    /** Operations of this client due in the measured window, from its k-th on. */
    private long dueInWindowFrom(long k) {
        long count = 0;
        for (long due = pacer.dueNanos(index, k); due < endNanos; due = pacer.dueNanos(index, ++k)) {
            if (due >= measureFromNanos) {
                count++;
            }
        }
        return count;
    }

    private Outcome attempt(Requests.Request request) {
        try {
            LedgerHttp.Reply reply = request.post()
                    ? http.post(request.path(), request.json(), request.key())
                    : http.get(request.path());
            return reply.outcome();
        } catch (IOException e) {
            return Outcome.ofFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Outcome.Verdict.ERROR, "interrupted");
        }
    }

    private static void waitUntil(long nanos) {
        for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static void sleepMillis(long millis) {
        LockSupport.parkNanos(millis * 1_000_000);
    }
}

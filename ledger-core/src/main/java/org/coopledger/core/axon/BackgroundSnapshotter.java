package org.coopledger.core.axon;

import org.axonframework.eventsourcing.Snapshotter;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Takes snapshots on a thread of its own, in a transaction of their own, after the command that
 * asked for them.
 *
 * <p>Axon's Spring snapshotter runs in the calling thread, when the command's unit of work
 * commits. Here that unit of work is nested in the idempotency transaction, which is still open
 * then: the snapshot would be read and written inside the posting's transaction, so a snapshot
 * failure (two nodes writing one) would fail a posting that was fine. On another thread it reads
 * committed events only, so it can lag behind the command that triggered it but never holds an
 * event that later rolls back. When snapshots come faster than they are taken the surplus is
 * dropped: a snapshot is an optimisation, the next trigger asks again.
 */
final class BackgroundSnapshotter implements Snapshotter {

    static final int MAX_WAITING = 1_000;

    private final Snapshotter delegate;
    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(MAX_WAITING), task -> {
                Thread t = new Thread(task, "ledger-snapshotter");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    BackgroundSnapshotter(Snapshotter delegate) {
        this.delegate = delegate;
    }

    @Override
    public void scheduleSnapshot(Class<?> aggregateType, String aggregateIdentifier) {
        thread.execute(() -> delegate.scheduleSnapshot(aggregateType, aggregateIdentifier));
    }
}

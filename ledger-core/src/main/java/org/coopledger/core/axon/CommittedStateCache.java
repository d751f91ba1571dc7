package org.coopledger.core.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The aggregate cache of Axon's caching repository, holding only state whose events are
 * committed in PostgreSQL.
 *
 * <p>Axon puts an aggregate into its cache when the unit of work saves it, and evicts it when
 * that unit of work rolls back. Here the unit of work runs inside a wider Spring transaction
 * (the idempotency record is written after the command, in the same transaction), which can
 * still roll back after the unit of work has finished and released the aggregate's lock. A plain
 * cache would then keep, and serve to the next command, a balance that includes events that
 * never happened. So a put inside a transaction only marks the key as pending, and the state is
 * installed after the transaction commits, provided no later save of the same aggregate marked it
 * again meanwhile. A rollback leaves the key empty.
 *
 * <p>A load of a pending key from another thread waits until the saving transaction completes,
 * then takes what it left: the committed state, or a miss after a rollback. Without the wait it
 * read the event store, where the other transaction's events were often not yet visible; its
 * append then met them on the event table's unique key and the whole request was rerun. That
 * wait is what the store would have imposed anyway, without the read and the rerun. It is
 * bounded ({@link #MAX_WAIT}): a load that waited longer reads the event store as before, so a
 * transaction kept open by something the waiting command holds delays it and never blocks it.
 * The saving thread's own loads of its pending key read the store at once: its transaction sees
 * its own events, and waiting on itself would never end.
 *
 * <p>The cache is per node: another node's appends are not seen. Appends on stale state still fail
 * on the event table's unique key and are retried after eviction, but a refusal or an answer
 * computed from stale state would not be; several nodes writing the same aggregates must run
 * without it ({@code ledger.aggregate-cache.max-entries=0}).
 */
public final class CommittedStateCache implements Cache {

    /** Long enough for any healthy commit; short enough that a command is not stuck behind a stalled one. */
    static final Duration MAX_WAIT = Duration.ofSeconds(2);

    /** Marks a key saved by a transaction that has not completed; unique per save. */
    private static final class Pending {
        private final Thread owner = Thread.currentThread();
        private final CountDownLatch completed = new CountDownLatch(1);

        /** Whether the saving transaction completed in time; never waits on the caller's own. */
        boolean awaitCompletion(Duration maxWait) {
            if (owner == Thread.currentThread()) {
                return false;
            }
            try {
                return completed.await(maxWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private final ConcurrentMap<Object, Object> entries;
    private final Duration maxWait;

    /** @param maxEntries the most aggregates kept; the least recently used go first */
    public CommittedStateCache(long maxEntries) {
        this(maxEntries, MAX_WAIT);
    }

    CommittedStateCache(long maxEntries, Duration maxWait) {
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).build().asMap();
        this.maxWait = maxWait;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.get(key);
        if (value instanceof Pending pending) {
            if (!pending.awaitCompletion(maxWait)) {
                return null;
            }
            value = entries.get(key);
        }
        // Still pending after the wait: saved again by a command that did not wait (timed out).
        return value instanceof Pending ? null : (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            entries.put(key, value);
            return;
        }
        Pending pending = new Pending();
        entries.put(key, pending);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    entries.replace(key, pending, value);
                } else {
                    entries.remove(key, pending);
                }
                pending.completed.countDown();
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T value = get(key);
        if (value == null) {
            value = valueSupplier.get();
            put(key, value);
        }
        return value;
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    /** Axon's repositories register no listeners; nothing else uses this cache. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the aggregate cache has no entry listeners");
    }
}

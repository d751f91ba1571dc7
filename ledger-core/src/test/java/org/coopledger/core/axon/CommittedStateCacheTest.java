package org.coopledger.core.axon;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.transaction.support.TransactionSynchronization.STATUS_COMMITTED;
import static org.springframework.transaction.support.TransactionSynchronization.STATUS_ROLLED_BACK;

/** Which state the cache serves around the transaction that saved it, and when a load waits for it (transaction completion driven by hand). */
class CommittedStateCacheTest {

    private final CommittedStateCache cache = new CommittedStateCache(100);

    @Test
    void stateSavedInATransactionIsServedOnlyAfterItCommits() {
        cache.put("a", "v0");
        List<TransactionSynchronization> tx = saveInTransaction("a", "v1");
        assertThat((Object) cache.get("a")).as("pending: loads go to the event store").isNull();
        assertThat(cache.containsKey("a")).isFalse();
        complete(tx, STATUS_COMMITTED);
        assertThat((Object) cache.get("a")).isEqualTo("v1");
    }

    @Test
    void aRollbackLeavesNoState() {
        cache.put("a", "v0");
        List<TransactionSynchronization> tx = saveInTransaction("a", "v1");
        complete(tx, STATUS_ROLLED_BACK);
        assertThat((Object) cache.get("a")).as("neither the rolled-back state nor the one it replaced").isNull();
    }

    @Test
    void anEarlierTransactionCommittingLastDoesNotOverwriteALaterSave() {
        List<TransactionSynchronization> first = saveInTransaction("a", "v1");
        List<TransactionSynchronization> second = saveInTransaction("a", "v2");
        complete(second, STATUS_COMMITTED);
        complete(first, STATUS_COMMITTED);
        assertThat((Object) cache.get("a")).isEqualTo("v2");
    }

    @Test
    void aRollbackDoesNotRemoveALaterSave() {
        List<TransactionSynchronization> first = saveInTransaction("a", "v1");
        List<TransactionSynchronization> second = saveInTransaction("a", "v2");
        complete(first, STATUS_ROLLED_BACK);
        complete(second, STATUS_COMMITTED);
        assertThat((Object) cache.get("a")).isEqualTo("v2");
    }

    @Test
    void anEvictionDuringTheTransactionWins() {
        List<TransactionSynchronization> tx = saveInTransaction("a", "v1");
        cache.remove("a");
        complete(tx, STATUS_COMMITTED);
        assertThat((Object) cache.get("a")).isNull();
    }

    @Test
    void aLoadFromAnotherThreadWaitsForTheSavingTransactionAndGetsWhatItCommitted() throws Exception {
        assertThat(loadWhileASaveIsOpenThatThenCompletes(STATUS_COMMITTED)).isEqualTo("v1");
    }

    @Test
    void aLoadFromAnotherThreadWaitingOnARollbackGetsAMiss() throws Exception {
        assertThat(loadWhileASaveIsOpenThatThenCompletes(STATUS_ROLLED_BACK))
                .as("neither state: the command reads the event store").isNull();
    }

    @Test
    void theSavingThreadDoesNotWaitOnItsOwnPendingSave() {
        saveInTransaction("a", "v1");
        long started = System.nanoTime();
        assertThat((Object) cache.get("a")).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CommittedStateCache.MAX_WAIT.dividedBy(4));
    }

    @Test
    void aLoadGivesUpWaitingAfterTheMaximumAndReadsTheStore() throws Exception {
        CommittedStateCache shortWait = new CommittedStateCache(100, Duration.ofMillis(200));
        saveInTransaction(shortWait, "a", "v1");
        long started = System.nanoTime();
        assertThat(loadFromAnotherThread(shortWait, "a").get(5, TimeUnit.SECONDS)).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void outsideATransactionAPutIsImmediateAndRemoveEvicts() {
        cache.put("a", "v1");
        assertThat((Object) cache.get("a")).isEqualTo("v1");
        assertThat(cache.remove("a")).isTrue();
        assertThat((Object) cache.get("a")).isNull();
    }

    /** A put as Axon does it while saving inside a Spring transaction; answers that transaction's synchronizations. */
    private List<TransactionSynchronization> saveInTransaction(String key, String value) {
        return saveInTransaction(cache, key, value);
    }

    private static List<TransactionSynchronization> saveInTransaction(CommittedStateCache cache, String key, String value) {
        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.put(key, value);
            return List.copyOf(TransactionSynchronizationManager.getSynchronizations());
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    /** Another thread loads "a" while this one's save of v1 is open; the save then completes with {@code status}. */
    private Object loadWhileASaveIsOpenThatThenCompletes(int status) throws Exception {
        cache.put("a", "v0");
        List<TransactionSynchronization> tx = saveInTransaction("a", "v1");
        CompletableFuture<Object> load = loadFromAnotherThread(cache, "a");
        Thread.sleep(150);
        assertThat(load).as("still waiting while the saving transaction is open").isNotDone();
        complete(tx, status);
        return load.get(5, TimeUnit.SECONDS);
    }

    private static CompletableFuture<Object> loadFromAnotherThread(CommittedStateCache cache, String key) {
        CompletableFuture<Object> load = new CompletableFuture<>();
        Thread loader = new Thread(() -> load.complete(cache.get(key)), "loader");
        loader.setDaemon(true);
        loader.start();
        return load;
    }

    private static void complete(List<TransactionSynchronization> tx, int status) {
        tx.forEach(synchronization -> synchronization.afterCompletion(status));
    }
}

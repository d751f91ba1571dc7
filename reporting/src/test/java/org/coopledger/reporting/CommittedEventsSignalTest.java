package org.coopledger.reporting;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The projections hear of published events once they can read them: after the commit, never after a rollback. */
class CommittedEventsSignalTest {

    private final List<String> happened = new ArrayList<>();
    private final CommittedEventsSignal signal = new CommittedEventsSignal(() -> happened.add("signal"));
    private final TransactionTemplate transaction = new TransactionTemplate(new RecordingTransactions());
    private final List<EventMessage<?>> events = List.of(GenericEventMessage.asEventMessage("deposit"));

    @Test
    void signalsAfterTheTransactionHasCommitted() {
        transaction.executeWithoutResult(status -> {
            signal.handle(events);
            assertThat(happened).isEmpty();
        });

        assertThat(happened).containsExactly("commit", "signal");
    }

    @Test
    void aTransactionThatPublishesSeveralTimesSignalsOnce() {
        transaction.executeWithoutResult(status -> {
            signal.handle(events);
            signal.handle(events);
            signal.handle(events);
        });

        assertThat(happened).containsExactly("commit", "signal");
    }

    @Test
    void aRolledBackTransactionSignalsNothing() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            signal.handle(events);
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(happened).containsExactly("rollback");
    }

    /** A posting's unit of work joins its idempotency transaction and ends before that commits. */
    @Test
    void insideAUnitOfWorkInATransactionWaitsForTheTransactionNotTheUnitOfWork() {
        transaction.executeWithoutResult(status -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            signal.handle(events);
            unitOfWork.commit();
            assertThat(happened).isEmpty();
        });

        assertThat(happened).containsExactly("commit", "signal");
    }

    @Test
    void aUnitOfWorkWithoutATransactionSignalsWhenItCommits() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        signal.handle(events);
        assertThat(happened).isEmpty();

        unitOfWork.commit();

        assertThat(happened).containsExactly("signal");
    }

    /** The store appends them only after the interceptors have run: the poll picks them up. */
    @Test
    void eventsPublishedOutsideAnyTransactionOrUnitOfWorkAreNotSignalled() {
        signal.handle(events);

        assertThat(happened).isEmpty();
    }

    @Test
    void leavesTheEventsAsTheyAre() {
        assertThat(signal.handle(events).apply(0, events.get(0))).isSameAs(events.get(0));
    }

    /** A transaction manager with nothing behind it that notes when it commits and rolls back. */
    private final class RecordingTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            happened.add("commit");
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            happened.add("rollback");
        }
    }
}

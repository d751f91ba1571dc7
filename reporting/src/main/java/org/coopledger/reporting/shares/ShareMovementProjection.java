package org.coopledger.reporting.shares;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.SharesPurchased;
import org.coopledger.core.members.api.SharesRedeemed;
import org.coopledger.reporting.ProcessorConfiguration;
import org.coopledger.reporting.Savepoint;
import org.joda.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps {@code share_movement}: one row per share purchase or redemption with the holding after
 * it, so that share capital can be read as of any past date. Idempotent: a row is keyed by
 * (member, sequence number of its event) and inserted at most once. Runs in the processor's
 * transaction, each event in a savepoint so that a failing one can be dead-lettered.
 */
@Component
@ProcessingGroup(ProcessorConfiguration.SHARES)
class ShareMovementProjection {

    private final JdbcTemplate jdbc;
    private final Savepoint savepoint;

    ShareMovementProjection(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.savepoint = new Savepoint(transactionManager);
    }

    @EventHandler
    void on(SharesPurchased event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        insert(event.memberId(), sequenceNumber, event.transactionId(), "PURCHASE", event.shareCount(),
                event.amount(), event.sharesAfter(), event.sharePrice(), event.bookingDate(), recordedAt);
    }

    @EventHandler
    void on(SharesRedeemed event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        insert(event.memberId(), sequenceNumber, event.transactionId(), "REDEMPTION", event.shareCount(),
                event.amount(), event.sharesAfter(), event.sharePrice(), event.bookingDate(), recordedAt);
    }

    /** A replay rebuilds the table from the first event. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE TABLE share_movement");
    }

    /** Capital after = nominal price × shares held after: exact, as member_projection computes it. */
    private void insert(MemberId memberId, long entryNo, TransactionId transactionId, String type, int shareCount,
                        Money amount, int sharesAfter, Money sharePrice, LocalDate bookingDate, Instant recordedAt) {
        Money capitalAfter = sharePrice.multipliedBy(sharesAfter);
        savepoint.run(() -> jdbc.update("""
                INSERT INTO share_movement (member_id, entry_no, transaction_id, type, share_count, amount, currency,
                    shares_after, capital_after, booking_date, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (member_id, entry_no) DO NOTHING""",
                memberId.value(), entryNo, transactionId.value(), type, shareCount, amount.getAmount(),
                amount.getCurrencyUnit().getCode(), sharesAfter, capitalAfter.getAmount(), bookingDate,
                OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC)));
    }
}

package org.coopledger.reporting.members;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.coopledger.core.members.api.IdentityDocument;
import org.coopledger.core.members.api.MemberContactUpdated;
import org.coopledger.core.members.api.MemberExited;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.MemberRegistered;
import org.coopledger.core.members.api.PersonalData;
import org.coopledger.core.members.api.SharesPurchased;
import org.coopledger.core.members.api.SharesRedeemed;
import org.coopledger.reporting.ProcessorConfiguration;
import org.coopledger.reporting.Savepoint;
import org.joda.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Keeps {@code member_projection}. Runs in the processor's transaction (the JdbcTemplate joins
 * it), so a row change commits together with the token. Every handler is idempotent: the
 * insert ignores a member it already has, and updates apply only an event newer than the last
 * one applied (the member's sequence number), setting absolute values taken from the event.
 * Each event's SQL runs in a savepoint, so a failing one can be dead-lettered.
 * Events carry personal data: nothing here logs them.
 */
@Component
@ProcessingGroup(ProcessorConfiguration.MEMBERS)
class MemberProjection {

    private final JdbcTemplate jdbc;
    private final Savepoint savepoint;

    MemberProjection(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.savepoint = new Savepoint(transactionManager);
    }

    @EventHandler
    void on(MemberRegistered event, @SequenceNumber long sequenceNumber) {
        PersonalData personal = event.personal();
        IdentityDocument document = personal.document();
        update("""
                INSERT INTO member_projection (member_id, member_number, legal_name, date_of_birth, gender,
                    phone, country_of_origin, address, document_type, document_number, segment, branch,
                    join_date, status, shares_held, last_sequence_number)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 0, ?)
                ON CONFLICT (member_id) DO NOTHING""",
                event.memberId().value(), event.memberNumber(), personal.legalName(),
                personal.dateOfBirth(), name(personal.gender()), personal.phone(), personal.countryOfOrigin(),
                personal.address(), document == null ? null : name(document.type()),
                document == null ? null : document.number(), name(event.segment()), event.branch(),
                event.joinDate(), sequenceNumber);
    }

    @EventHandler
    void on(MemberContactUpdated event, @SequenceNumber long sequenceNumber) {
        update("""
                UPDATE member_projection SET phone = ?, address = ?, last_sequence_number = ?
                WHERE member_id = ? AND last_sequence_number < ?""",
                event.phone(), event.address(), sequenceNumber, event.memberId().value(), sequenceNumber);
    }

    @EventHandler
    void on(MemberExited event, @SequenceNumber long sequenceNumber) {
        update("""
                UPDATE member_projection SET status = 'EXITED', exited_on = ?, last_sequence_number = ?
                WHERE member_id = ? AND last_sequence_number < ?""",
                event.exitDate(), sequenceNumber, event.memberId().value(), sequenceNumber);
    }

    @EventHandler
    void on(SharesPurchased event, @SequenceNumber long sequenceNumber) {
        holdShares(event.memberId(), event.sharesAfter(), event.sharePrice(), sequenceNumber);
    }

    @EventHandler
    void on(SharesRedeemed event, @SequenceNumber long sequenceNumber) {
        holdShares(event.memberId(), event.sharesAfter(), event.sharePrice(), sequenceNumber);
    }

    /** A replay rebuilds the table from the first event. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE TABLE member_projection");
    }

    /** Share capital is the nominal price times the shares held after the movement: exact, no rounding. */
    private void holdShares(MemberId memberId, int sharesAfter, Money sharePrice, long sequenceNumber) {
        Money capital = sharePrice.multipliedBy(sharesAfter);
        update("""
                UPDATE member_projection
                SET shares_held = ?, share_capital = ?, share_currency = ?, last_sequence_number = ?
                WHERE member_id = ? AND last_sequence_number < ?""",
                sharesAfter, capital.getAmount(), capital.getCurrencyUnit().getCode(), sequenceNumber,
                memberId.value(), sequenceNumber);
    }

    /** One statement in its own savepoint (see {@link Savepoint}). */
    private void update(String sql, Object... args) {
        savepoint.run(() -> jdbc.update(sql, args));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}

package org.coopledger.reporting.members;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.coopledger.core.members.api.EncryptedPersonalData;
import org.coopledger.core.members.api.MemberContactUpdated;
import org.coopledger.core.members.api.MemberExited;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.MemberPersonalDataErased;
import org.coopledger.core.members.api.MemberRegistered;
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
 * Personal fields arrive sealed and are stored sealed ({@code sealed_*} columns):
 * {@link JdbcMemberQueries} opens them with the member's key at read time, so a destroyed key
 * leaves nothing readable here, and a replay cannot bring clear text back. Nothing here logs them.
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
        EncryptedPersonalData personal = event.personal();
        update("""
                INSERT INTO member_projection (member_id, member_number, sealed_legal_name, sealed_date_of_birth,
                    gender, sealed_phone, country_of_origin, sealed_address, document_type, sealed_document_number,
                    segment, branch, join_date, status, shares_held, last_sequence_number)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 0, ?)
                ON CONFLICT (member_id) DO NOTHING""",
                event.memberId().value(), event.memberNumber(), personal.legalName(),
                personal.dateOfBirth(), name(personal.gender()), personal.phone(), personal.countryOfOrigin(),
                personal.address(), name(personal.documentType()), personal.documentNumber(),
                name(event.segment()), event.branch(), event.joinDate(), sequenceNumber);
    }

    @EventHandler
    void on(MemberContactUpdated event, @SequenceNumber long sequenceNumber) {
        update("""
                UPDATE member_projection SET sealed_phone = ?, sealed_address = ?, last_sequence_number = ?
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

    /** The key is already destroyed; the ciphertexts are blanked too, they serve no one any more. */
    @EventHandler
    void on(MemberPersonalDataErased event, @SequenceNumber long sequenceNumber) {
        update("""
                UPDATE member_projection SET erased = TRUE, sealed_legal_name = NULL, sealed_date_of_birth = NULL,
                    sealed_phone = NULL, sealed_address = NULL, sealed_document_number = NULL,
                    last_sequence_number = ?
                WHERE member_id = ? AND last_sequence_number < ?""",
                sequenceNumber, event.memberId().value(), sequenceNumber);
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

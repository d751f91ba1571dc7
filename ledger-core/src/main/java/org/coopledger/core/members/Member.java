package org.coopledger.core.members;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.error.Require;
import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.members.api.ErasePersonalData;
import org.coopledger.core.members.api.ExitMember;
import org.coopledger.core.members.api.MemberAccountClosed;
import org.coopledger.core.members.api.MemberAccountOpened;
import org.coopledger.core.members.api.MemberContactUpdated;
import org.coopledger.core.members.api.MemberExited;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.MemberPersonalDataErased;
import org.coopledger.core.members.api.MemberRegistered;
import org.coopledger.core.members.api.PersonalFieldCipher.Field;
import org.coopledger.core.members.api.PurchaseShares;
import org.coopledger.core.members.api.RedeemShares;
import org.coopledger.core.members.api.ShareResult;
import org.coopledger.core.members.api.SharesPurchased;
import org.coopledger.core.members.api.SharesRedeemed;
import org.coopledger.core.members.api.UpdateMemberContact;
import org.coopledger.core.savings.api.AccountId;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.coopledger.core.journal.GlAccount.CASH_ON_HAND;
import static org.coopledger.core.journal.GlAccount.SHARE_CAPITAL;

/**
 * A member of the cooperative: decides on contact changes, exit, share capital (with
 * {@link ShareHolding}) and which savings accounts are open. Holds only what those decisions
 * need; the full record lives in projections. The type is pinned because it is stored with
 * every event, where auditors read it: renaming the class must not change it.
 */
@Aggregate(type = "Member")
class Member {

    static final int MAX_PHONE_CHARS = 32;
    static final int MAX_ADDRESS_CHARS = 500;
    static final int MAX_REASON_CHARS = 500;
    static final int MAX_TILL_ID_CHARS = 64;

    enum Status { ACTIVE, EXITED }

    @AggregateIdentifier
    private MemberId memberId;
    private Status status;
    /**
     * Sealed (ciphertext), never clear: kept because a contact update may change one field and
     * its event states both. The aggregate needs no personal data in clear for any decision.
     */
    private String sealedPhone;
    private String sealedAddress;
    /** The key is destroyed: nothing personal can be sealed or changed any more. */
    private boolean erased;
    private final Set<AccountId> openAccounts = new HashSet<>();
    private ShareHolding holding = ShareHolding.NONE;

    Member() {
        // Axon rebuilds members from their events.
    }

    /** Registration proper; the caller has validated the command and reserved the member number. */
    Member(MemberRegistered registered) {
        apply(registered);
    }

    /** The cipher is a resource Axon injects: it seals the new values with the member's key. */
    @CommandHandler
    void handle(UpdateMemberContact command, PersonalDataCipher cipher) {
        String newPhone = Require.optionalText(command.phone(), "phone", MAX_PHONE_CHARS);
        String newAddress = Require.optionalText(command.address(), "address", MAX_ADDRESS_CHARS);
        if (newPhone == null && newAddress == null) {
            throw Require.invalid("phone or address is required");
        }
        requireActive();
        apply(new MemberContactUpdated(memberId,
                newPhone != null ? cipher.seal(memberId, Field.PHONE, newPhone) : sealedPhone,
                newAddress != null ? cipher.seal(memberId, Field.ADDRESS, newAddress) : sealedAddress));
    }

    /**
     * Crypto-shredding. Allowed once the member holds nothing (an exited member never does);
     * the key is destroyed in this command's transaction, together with the event. Erasing
     * again changes nothing.
     */
    @CommandHandler
    void handle(ErasePersonalData command, PersonalDataCipher cipher) {
        Require.present(command.erasedOn(), "erasedOn");
        Require.optionalText(command.reason(), "reason", MAX_REASON_CHARS);
        if (erased) {
            return;
        }
        requireHoldsNothing();
        apply(new MemberPersonalDataErased(memberId, command.erasedOn(), command.reason()));
        cipher.forget(memberId);
    }

    @CommandHandler
    void handle(ExitMember command) {
        Require.present(command.exitDate(), "exitDate");
        Require.optionalText(command.reason(), "reason", MAX_REASON_CHARS);
        requireNotExited(); // an erased member may still leave
        requireHoldsNothing();
        apply(new MemberExited(memberId, command.exitDate(), command.reason()));
    }

    private void requireHoldsNothing() {
        if (!openAccounts.isEmpty()) {
            throw new LedgerException(ErrorCode.MEMBER_HAS_OPEN_ACCOUNTS,
                    "the member still has " + openAccounts.size() + " open account(s)");
        }
        if (holding.shares() > 0) {
            throw new LedgerException(ErrorCode.MEMBER_HOLDS_SHARES, "the member's shares must be redeemed first");
        }
    }

    @CommandHandler
    ShareResult handle(PurchaseShares command) {
        Money amount = ShareHolding.amountOf(command.shareCount(), command.sharePrice());
        requireBookable(command.transactionId(), command.bookingDate(), command.tillId());
        requireActive();
        holding.requireNominalPrice(command.sharePrice());
        int sharesAfter = holding.sharesAfterPurchase(command.shareCount());
        apply(new SharesPurchased(memberId, command.transactionId(), command.shareCount(), command.sharePrice(),
                amount, sharesAfter, command.bookingDate(), command.tillId(),
                JournalEntry.transfer(CASH_ON_HAND, SHARE_CAPITAL, amount)));
        return new ShareResult(command.transactionId(), holding.shares(), holding.capital());
    }

    /** Allowed after exit too: an exited member holds no shares, so it is refused as insufficient. */
    @CommandHandler
    ShareResult handle(RedeemShares command) {
        Money amount = ShareHolding.amountOf(command.shareCount(), command.sharePrice());
        requireBookable(command.transactionId(), command.bookingDate(), command.tillId());
        holding.requireNominalPrice(command.sharePrice());
        int sharesAfter = holding.sharesAfterRedemption(command.shareCount());
        apply(new SharesRedeemed(memberId, command.transactionId(), command.shareCount(), command.sharePrice(),
                amount, sharesAfter, command.bookingDate(), command.tillId(),
                JournalEntry.transfer(SHARE_CAPITAL, CASH_ON_HAND, amount)));
        return new ShareResult(command.transactionId(), holding.shares(), holding.capital());
    }

    /** Links an account being opened, in the same unit of work as the account's own opening. */
    void attachAccount(AccountId accountId) {
        requireActive();
        if (openAccounts.contains(accountId)) {
            throw new IllegalStateException("account " + accountId + " is already attached to member " + memberId);
        }
        apply(new MemberAccountOpened(memberId, accountId));
    }

    /** Unlinks an account being closed, in the same unit of work as the account's closure. */
    void detachAccount(AccountId accountId) {
        if (!openAccounts.contains(accountId)) {
            throw new IllegalStateException("account " + accountId + " is not an open account of member " + memberId);
        }
        apply(new MemberAccountClosed(memberId, accountId));
    }

    /** An erased member is anonymous: nothing new (accounts, loans, contact) may be opened for them. */
    boolean isActive() {
        return status == Status.ACTIVE && !erased;
    }

    private void requireActive() {
        requireNotExited();
        if (erased) {
            throw new LedgerException(ErrorCode.MEMBER_NOT_ACTIVE, "the member's personal data has been erased");
        }
    }

    private void requireNotExited() {
        if (status != Status.ACTIVE) {
            throw new LedgerException(ErrorCode.MEMBER_NOT_ACTIVE, "the member has exited the cooperative");
        }
    }

    private static void requireBookable(TransactionId transactionId, LocalDate bookingDate, String tillId) {
        Require.present(transactionId, "transactionId");
        Require.present(bookingDate, "bookingDate");
        Require.optionalText(tillId, "tillId", MAX_TILL_ID_CHARS);
    }

    @EventSourcingHandler
    void on(MemberRegistered event) {
        memberId = event.memberId();
        status = Status.ACTIVE;
        sealedPhone = event.personal().phone();
        sealedAddress = event.personal().address();
    }

    @EventSourcingHandler
    void on(MemberContactUpdated event) {
        sealedPhone = event.phone();
        sealedAddress = event.address();
    }

    @EventSourcingHandler
    void on(MemberPersonalDataErased event) {
        erased = true;
        sealedPhone = null;
        sealedAddress = null;
    }

    @EventSourcingHandler
    void on(MemberExited event) {
        status = Status.EXITED;
    }

    @EventSourcingHandler
    void on(SharesPurchased event) {
        holding = holding.moved(event.shareCount(), event.sharesAfter(), event.sharePrice(), event.amount());
    }

    @EventSourcingHandler
    void on(SharesRedeemed event) {
        holding = holding.moved(-event.shareCount(), event.sharesAfter(), event.sharePrice(), event.amount());
    }

    @EventSourcingHandler
    void on(MemberAccountOpened event) {
        openAccounts.add(event.accountId());
    }

    @EventSourcingHandler
    void on(MemberAccountClosed event) {
        openAccounts.remove(event.accountId());
    }
}

package org.coopledger.core.members;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.springframework.stereotype.Component;

/**
 * The member's side of opening and closing a savings account, for the savings handlers, and of
 * applying for a loan: the {@link Member} aggregate stays package-private, and this is the only
 * door into it from another feature. Must be called inside the caller's unit of work, so that the
 * member's event and the account's event are appended in one transaction.
 */
@Component
public class MemberAccounts {

    private final Repository<Member> members;

    MemberAccounts(Repository<Member> members) {
        this.members = members;
    }

    /** Refuses with MEMBER_NOT_FOUND or MEMBER_NOT_ACTIVE. */
    public void attach(MemberId memberId, AccountId accountId) {
        load(memberId).execute(member -> member.attachAccount(accountId));
    }

    /** For other features that act for a member (a loan application); refuses like {@link #attach}. */
    public void requireActive(MemberId memberId) {
        if (!load(memberId).invoke(Member::isActive)) {
            throw new LedgerException(ErrorCode.MEMBER_NOT_ACTIVE, "the member has exited the cooperative");
        }
    }

    public void detach(MemberId memberId, AccountId accountId) {
        load(memberId).execute(member -> member.detachAccount(accountId));
    }

    private Aggregate<Member> load(MemberId memberId) {
        // An id whose events belong to another aggregate type loads as incompatible: for this
        // type it does not exist. (Axon 4.13's Spring support ignores @Aggregate's
        // filterEventsByType, so this is the check that applies.)
        try {
            return members.load(memberId.value());
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new LedgerException(ErrorCode.MEMBER_NOT_FOUND, "no member " + memberId);
        }
    }
}

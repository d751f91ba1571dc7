package org.coopledger.api.me;

import org.coopledger.api.accesslog.PersonalDataAccessLog;
import org.coopledger.api.loans.LoanResponse;
import org.coopledger.api.members.MemberResponse;
import org.coopledger.api.savings.AccountResponse;
import org.coopledger.api.security.Access;
import org.coopledger.api.time.BusinessCalendar;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.reporting.loans.LoanQueries;
import org.coopledger.reporting.members.MemberQueries;
import org.coopledger.reporting.savings.SavingsQueries;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A member user's own record, accounts and loans; the member is the one the user is linked to, never a parameter. */
@RestController
class MeController {

    private final Access access;
    private final MemberQueries members;
    private final SavingsQueries savings;
    private final LoanQueries loans;
    private final BusinessCalendar calendar;
    private final PersonalDataAccessLog accessLog;

    MeController(Access access, MemberQueries members, SavingsQueries savings, LoanQueries loans,
                 BusinessCalendar calendar, PersonalDataAccessLog accessLog) {
        this.access = access;
        this.members = members;
        this.savings = savings;
        this.loans = loans;
        this.calendar = calendar;
        this.accessLog = accessLog;
    }

    @GetMapping("/api/v1/me")
    @PreAuthorize("hasRole('MEMBER')")
    public MeResponse me() {
        MemberId self = access.currentUser().memberId()
                .orElseThrow(() -> new LedgerException(ErrorCode.MEMBER_NOT_FOUND, "this user is not linked to a member"));
        MemberResponse member = members.member(self)
                .map(view -> {
                    accessLog.recordRead(view, "GET /api/v1/me");
                    return MemberResponse.of(view);
                })
                .orElseThrow(() -> new LedgerException(ErrorCode.MEMBER_NOT_FOUND, "no such member"));
        List<AccountResponse> accounts = savings.accountsOf(self).stream().map(AccountResponse::of).toList();
        List<LoanResponse> ownLoans = loans.loansOf(self).stream()
                .map(view -> LoanResponse.of(view, calendar.today(), false)).toList();
        return new MeResponse(member, accounts, ownLoans);
    }
}

package org.coopledger.api.loans;

import org.coopledger.api.security.Access;
import org.coopledger.api.time.BusinessCalendar;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.reporting.loans.LoanQueries;
import org.coopledger.reporting.loans.LoanView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads of one loan, from the loan projection. Days past due are computed on today's business
 * date, so they grow day by day without any event; a MEMBER reads only their own loans.
 */
@RestController
@RequestMapping("/api/v1/loans/{loanId}")
class LoanReadController {

    private final LoanReader reader;
    private final LoanQueries queries;
    private final BusinessCalendar calendar;
    private final Access access;

    LoanReadController(LoanReader reader, LoanQueries queries, BusinessCalendar calendar, Access access) {
        this.reader = reader;
        this.queries = queries;
        this.calendar = calendar;
        this.access = access;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('TELLER', 'MANAGER', 'AUDITOR', 'MEMBER')")
    public LoanResponse get(@PathVariable String loanId) {
        LoanView view = reader.readable(LoanIds.parse(loanId));
        return LoanResponse.of(view, calendar.today(), !access.currentUser().isMemberOnly());
    }

    @GetMapping("/schedule")
    @PreAuthorize("hasAnyRole('TELLER', 'MANAGER', 'AUDITOR', 'MEMBER')")
    public ScheduleResponse schedule(@PathVariable String loanId) {
        LoanId id = LoanIds.parse(loanId);
        reader.readable(id);
        return ScheduleResponse.of(id.value(), queries.schedule(id));
    }
}

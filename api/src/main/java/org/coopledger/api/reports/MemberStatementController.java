package org.coopledger.api.reports;

import org.coopledger.api.members.MemberIds;
import org.coopledger.api.security.Access;
import org.coopledger.api.time.BusinessCalendar;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.reporting.members.MemberQueries;
import org.coopledger.reporting.statement.MemberStatementQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * A member's statement over a period, JSON or CSV. Staff read any member's; a MEMBER only their
 * own — another member's id answers the same 404 as an unknown one. The statement names no
 * personal data (ids and amounts only), so it is not written to the personal-data access log.
 */
@RestController
class MemberStatementController {

    private final MemberStatementQueries statements;
    private final MemberQueries members;
    private final Access access;
    private final BusinessCalendar calendar;

    MemberStatementController(MemberStatementQueries statements, MemberQueries members, Access access,
                              BusinessCalendar calendar) {
        this.statements = statements;
        this.members = members;
        this.access = access;
        this.calendar = calendar;
    }

    /** Without {@code to}, today's business date; without {@code from}, the first day of to's month. */
    @GetMapping(path = "/api/v1/members/{memberId}/statement",
            produces = {MediaType.APPLICATION_JSON_VALUE, CsvMessageConverter.TEXT_CSV_VALUE})
    @PreAuthorize("hasAnyRole('TELLER', 'MANAGER', 'AUDITOR', 'MEMBER')")
    public MemberStatementResponse statement(
            @PathVariable String memberId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        MemberId id = MemberIds.parse(memberId);
        access.checkCanRead(id, ErrorCode.MEMBER_NOT_FOUND);
        if (members.member(id).isEmpty()) {
            throw new LedgerException(ErrorCode.MEMBER_NOT_FOUND, "no such member");
        }
        LocalDate end = to != null ? to : calendar.today();
        LocalDate start = from != null ? from : end.withDayOfMonth(1);
        return MemberStatementResponse.of(statements.statement(id, start, end));
    }
}

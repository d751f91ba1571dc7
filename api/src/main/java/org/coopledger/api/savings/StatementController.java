package org.coopledger.api.savings;

import org.coopledger.api.time.BusinessCalendar;
import org.coopledger.api.paging.Paging;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.reporting.savings.SavingsAccountView;
import org.coopledger.reporting.savings.AccountBalance;
import org.coopledger.reporting.savings.SavingsQueries;
import org.coopledger.reporting.savings.StatementPage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** The history of an account: its statement with running balance, and its balance on any date. */
@RestController
@RequestMapping("/api/v1/savings-accounts/{accountId}")
class StatementController {

    static final int MAX_CURSOR_CHARS = 64;

    private final AccountReader reader;
    private final SavingsQueries queries;
    private final BusinessCalendar calendar;

    StatementController(AccountReader reader, SavingsQueries queries, BusinessCalendar calendar) {
        this.reader = reader;
        this.queries = queries;
        this.calendar = calendar;
    }

    @GetMapping("/transactions")
    @PreAuthorize("hasAnyRole('TELLER', 'MANAGER', 'AUDITOR', 'MEMBER')")
    public StatementResponse statement(@PathVariable String accountId,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String after) {
        int pageSize = Paging.limit(limit);
        if (from != null && to != null && from.isAfter(to)) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED, "from must not be after to");
        }
        if (after != null && (after.isBlank() || after.length() > MAX_CURSOR_CHARS)) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED, "after must have 1 to " + MAX_CURSOR_CHARS + " characters");
        }
        SavingsAccountView account = reader.readable(AccountIds.parse(accountId, "accountId"));
        StatementPage page = queries.statement(account.accountId(), from, to, after, pageSize);
        return new StatementResponse(account.accountId().value(),
                page.lines().stream().map(StatementLineResponse::of).toList(), page.next());
    }

    /** Without {@code asOf}, the balance at the end of today's business date. */
    @GetMapping("/balance")
    @PreAuthorize("hasAnyRole('TELLER', 'MANAGER', 'AUDITOR', 'MEMBER')")
    public BalanceResponse balance(@PathVariable String accountId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        AccountId id = AccountIds.parse(accountId, "accountId");
        LocalDate date = asOf != null ? asOf : calendar.today();
        AccountBalance balance = reader.readableBalance(id, date);
        return new BalanceResponse(id.value(), date, balance.balance());
    }
}

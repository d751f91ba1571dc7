package org.coopledger.api.reports;

import org.coopledger.api.paging.Paging;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.journal.GlAccount;
import org.coopledger.core.money.MoneyParser;
import org.coopledger.api.problem.ApiErrorCode;
import org.coopledger.api.problem.ApiException;
import org.coopledger.reporting.journal.JournalQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Arrays;

/** The entries of one GL account in one currency for a period, with running balance; paged. */
@RestController
class GeneralLedgerController {

    static final int MAX_CURSOR_CHARS = 64;

    private final JournalQueries journal;

    GeneralLedgerController(JournalQueries journal) {
        this.journal = journal;
    }

    /**
     * {@code currency} is required: one ledger page never mixes currencies. {@code from} and
     * {@code to} are inclusive and optional (open ended).
     */
    @GetMapping(path = "/api/v1/reports/general-ledger/{glCode}",
            produces = {MediaType.APPLICATION_JSON_VALUE, CsvMessageConverter.TEXT_CSV_VALUE})
    @PreAuthorize("hasAnyRole('MANAGER', 'AUDITOR')")
    public ResponseEntity<GeneralLedgerResponse> generalLedger(
            @PathVariable String glCode,
            @RequestParam String currency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String after) {
        int pageSize = Paging.limit(limit);
        GlAccount account = Arrays.stream(GlAccount.values()).filter(a -> a.code().equals(glCode)).findFirst()
                .orElseThrow(() -> new ApiException(ApiErrorCode.NOT_FOUND, "no GL account with this code"));
        if (after != null && (after.isBlank() || after.length() > MAX_CURSOR_CHARS)) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED, "after must have 1 to " + MAX_CURSOR_CHARS + " characters");
        }
        GeneralLedgerResponse page = GeneralLedgerResponse.of(journal.generalLedger(account,
                MoneyParser.currency(currency), from, to, after, pageSize));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (page.next() != null) {
            ok.header("Next-Cursor", page.next());
        }
        return ok.body(page);
    }
}

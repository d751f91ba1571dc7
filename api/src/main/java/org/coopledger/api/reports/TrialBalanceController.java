package org.coopledger.api.reports;

import org.coopledger.reporting.journal.JournalQueries;
import org.springframework.http.MediaType;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** The trial balance per GL account and currency, as of the end of a date or over everything. */
@RestController
class TrialBalanceController {

    private final JournalQueries journal;

    TrialBalanceController(JournalQueries journal) {
        this.journal = journal;
    }

    @GetMapping(path = "/api/v1/reports/trial-balance",
            produces = {MediaType.APPLICATION_JSON_VALUE, CsvMessageConverter.TEXT_CSV_VALUE})
    @PreAuthorize("hasAnyRole('MANAGER', 'AUDITOR')")
    public TrialBalanceResponse trialBalance(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return TrialBalanceResponse.of(journal.trialBalance(asOf));
    }
}

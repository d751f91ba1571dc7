package org.coopledger.api.reports;

import org.coopledger.api.time.BusinessCalendar;
import org.coopledger.reporting.savingsreport.Dimension;
import org.coopledger.reporting.savingsreport.SavingsReportQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** Deposits outstanding, accounts by state and share capital as of a date, JSON or CSV. */
@RestController
class SavingsReportController {

    private final SavingsReportQueries queries;
    private final BusinessCalendar calendar;

    SavingsReportController(SavingsReportQueries queries, BusinessCalendar calendar) {
        this.queries = queries;
        this.calendar = calendar;
    }

    /**
     * {@code groupBy}: a comma-separated list of {@code product}, {@code branch}, {@code segment}
     * (none = totals per currency only). Without {@code asOf}, the end of today's business date.
     */
    @GetMapping(path = "/api/v1/reports/savings",
            produces = {MediaType.APPLICATION_JSON_VALUE, CsvMessageConverter.TEXT_CSV_VALUE})
    @PreAuthorize("hasAnyRole('MANAGER', 'AUDITOR')")
    public SavingsReportResponse savings(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String groupBy) {
        LocalDate date = asOf != null ? asOf : calendar.today();
        return SavingsReportResponse.of(queries.savingsReport(date, GroupBy.parse(groupBy, Dimension.class)));
    }
}

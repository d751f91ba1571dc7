package org.coopledger.api.reports;

import org.coopledger.api.time.BusinessCalendar;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.reporting.portfolio.PortfolioDimension;
import org.coopledger.reporting.portfolio.PortfolioFlows;
import org.coopledger.reporting.portfolio.PortfolioSnapshot;
import org.coopledger.reporting.portfolio.PortfolioQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The loan portfolio as of a date (GLP, PAR, arrears, aging) and what moved through it in a period, JSON or CSV. */
@RestController
class PortfolioReportController {

    private final PortfolioQueries queries;
    private final BusinessCalendar calendar;
    private final ReportThreads threads;

    PortfolioReportController(PortfolioQueries queries, BusinessCalendar calendar, ReportThreads threads) {
        this.queries = queries;
        this.calendar = calendar;
        this.threads = threads;
    }

    /**
     * {@code groupBy}: a comma-separated list of {@code branch}, {@code product}, {@code currency},
     * {@code segment}, {@code gender} (none = one line per currency). The snapshot is as of the end
     * of {@code asOf} (default: today's business date); the flows cover {@code from}..{@code to},
     * both inclusive, by default from the first day of the month of {@code to} (default: asOf).
     * A date after today is refused: the days past due of a day not yet lived would count every
     * installment falling due until then as unpaid, a forecast that reads like a report.
     */
    @GetMapping(path = "/api/v1/reports/portfolio",
            produces = {MediaType.APPLICATION_JSON_VALUE, CsvMessageConverter.TEXT_CSV_VALUE})
    @PreAuthorize("hasAnyRole('MANAGER', 'AUDITOR')")
    public PortfolioReportResponse portfolio(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Set<PortfolioDimension> dimensions = GroupBy.parse(groupBy, PortfolioDimension.class);
        LocalDate today = calendar.today();
        LocalDate date = notAfter(asOf != null ? asOf : today, today, "asOf");
        LocalDate periodEnd = notAfter(to != null ? to : date, today, "to");
        LocalDate periodStart = from != null ? from : periodEnd.withDayOfMonth(1);
        if (periodStart.isAfter(periodEnd)) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED, "from must not be after to");
        }
        // The snapshot and the flows read different rows: run them side by side.
        CompletableFuture<List<PortfolioFlows>> flows = threads.start(
                () -> queries.flows(periodStart, periodEnd, dimensions));
        List<PortfolioSnapshot> snapshot = queries.snapshot(date, dimensions);
        return PortfolioReportResponse.of(date, periodStart, periodEnd, dimensions, snapshot,
                ReportThreads.result(flows));
    }


    private static LocalDate notAfter(LocalDate date, LocalDate today, String field) {
        if (date.isAfter(today)) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED,
                    field + " must not be after today's business date " + today);
        }
        return date;
    }
}

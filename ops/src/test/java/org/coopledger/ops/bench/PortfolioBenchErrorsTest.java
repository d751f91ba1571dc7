package org.coopledger.ops.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioBenchErrorsTest {

    private static final PortfolioBench.Case TODAY = new PortfolioBench.Case("portfolio today",
            "/api/v1/reports/portfolio", "application/json", Duration.ofMillis(200));

    @Test
    void failedRequestsAreCountedByProblemCodeAndTheCaseGoesOn() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        PortfolioBench.Get ledger = (path, accept) -> switch (calls.incrementAndGet() % 4) {
            case 1 -> new LedgerHttp.Reply(503, "{\"code\":\"DATABASE_UNAVAILABLE\"}".getBytes(StandardCharsets.UTF_8));
            case 2 -> throw new ConnectException("refused");
            default -> new LedgerHttp.Reply(200, "{}".getBytes(StandardCharsets.UTF_8));
        };

        PortfolioBenchReport.CaseFigures figures = PortfolioBench.measure(ledger, TODAY, 20);

        // 30 requests (10 warm-up, 20 measured): every fourth from the first a 503, from the second no answer.
        assertThat(calls).hasValue(30);
        assertThat(figures.errors()).isEqualTo(Map.of("503 DATABASE_UNAVAILABLE", 8L, "IO ConnectException", 8L));
        assertThat(figures.latencyMs().count()).as("only answered requests are timed").isEqualTo(10);
        assertThat(report(figures).errorCount()).isEqualTo(16);
        assertThat(report(figures).passed()).isFalse();
        assertThat(report(figures).table()).contains("errors of portfolio today: {503 DATABASE_UNAVAILABLE=8, "
                + "IO ConnectException=8}");
    }

    @Test
    void aCaseWithNoAnsweredRequestMissesItsTarget() throws Exception {
        PortfolioBench.Get down = (path, accept) -> {
            throw new IOException("down");
        };

        PortfolioBenchReport.CaseFigures figures = PortfolioBench.measure(down, TODAY, 5);

        assertThat(figures.latencyMs().count()).isZero();
        assertThat(figures.withinTarget()).isFalse();
    }

    @Test
    void aRunWithoutErrorsWithinItsTargetsPasses() throws Exception {
        PortfolioBench.Get up = (path, accept) -> new LedgerHttp.Reply(200, new byte[0]);

        PortfolioBenchReport report = report(PortfolioBench.measure(up, TODAY, 5));

        assertThat(report.errorCount()).isZero();
        assertThat(report.passed()).isTrue();
    }

    @Test
    void casesCanBeNarrowedToThoseWithTheCurrentReportsTarget() {
        assertThat(PortfolioBench.cases(java.time.LocalDate.of(2026, 11, 29), "portfolio today"))
                .extracting(PortfolioBench.Case::target).containsOnly(Duration.ofMillis(200)).hasSize(3);
        assertThat(PortfolioBench.cases(java.time.LocalDate.of(2026, 11, 29), null)).hasSize(9);
    }

    private static PortfolioBenchReport report(PortfolioBenchReport.CaseFigures figures) {
        return new PortfolioBenchReport("test", new Machine(2, 512L << 20, "17", "PostgreSQL 17", "durable"), 20,
                "2026-11-29", Map.of(), 1.0, List.of(figures), new LatencySummary(20, 1, 1, 1, 1, 1),
                new HeapFigures(1, 1, 1, 2, 0, 0, true));
    }
}

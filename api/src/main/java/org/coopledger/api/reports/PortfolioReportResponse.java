package org.coopledger.api.reports;

import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.reporting.portfolio.AgingBucket;
import org.coopledger.reporting.portfolio.LoanTally;
import org.coopledger.reporting.portfolio.PortfolioDimension;
import org.coopledger.reporting.portfolio.PortfolioFlows;
import org.coopledger.reporting.portfolio.PortfolioKey;
import org.coopledger.reporting.portfolio.PortfolioSnapshot;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The loan portfolio: one line per currency (never two currencies added up) and per group asked
 * for; a dimension not in {@code groupBy} is null. The snapshot figures are as of the end of
 * {@code asOf}, the {@code flows} cover {@code from}..{@code to}. Ratios are decimal strings with
 * six decimals ({@code "0.374535"} is 37.4535 %), absent when what they divide by is zero.
 * {@code definitions} says what each indicator means.
 */
public record PortfolioReportResponse(LocalDate asOf, LocalDate from, LocalDate to, List<String> groupBy,
                                      List<Line> lines, Map<String, String> definitions) implements CsvReport {

    public record Line(String currency, String branch, String product, String segment, String gender,
                       int activeLoans, Money grossLoanPortfolio, Tally par1, Tally par30, Tally par90,
                       Money arrears, String arrearsRate, List<Bucket> aging, Flows flows) {
    }

    /** A number of loans, their outstanding principal and its share of the line's GLP. */
    public record Tally(int loans, Money outstandingPrincipal, String ratio) {
    }

    /** {@code toDays} is absent for the last, open-ended bucket. */
    public record Bucket(String bucket, int fromDays, Integer toDays, int loans, Money outstandingPrincipal,
                         String ratio) {
    }

    public record Flows(int loansDisbursed, Money disbursed, Repaid repaid, Money writtenOff, Money recovered,
                        Money averageGlp, String writeOffRatio) {
    }

    public record Repaid(Money principal, Money interest, Money fee, Money penalty, Money total) {
    }

    /**
     * Joins the snapshot and the flows by line: a group may have flows and no active loan left at
     * {@code asOf} (all repaid), or active loans and no movement in the period; what it lacks is zero.
     */
    static PortfolioReportResponse of(LocalDate asOf, LocalDate from, LocalDate to, Set<PortfolioDimension> groupBy,
                                      List<PortfolioSnapshot> snapshots, List<PortfolioFlows> flows) {
        Map<PortfolioKey, PortfolioSnapshot> snapshotByKey = new TreeMap<>(PortfolioKey.ORDER);
        snapshots.forEach(snapshot -> snapshotByKey.put(snapshot.key(), snapshot));
        Map<PortfolioKey, PortfolioFlows> flowsByKey = new TreeMap<>(PortfolioKey.ORDER);
        flows.forEach(flow -> flowsByKey.put(flow.key(), flow));
        Map<PortfolioKey, Line> lines = new TreeMap<>(PortfolioKey.ORDER);
        snapshotByKey.keySet().forEach(key -> lines.put(key, null));
        flowsByKey.keySet().forEach(key -> lines.put(key, null));
        List<Line> result = new ArrayList<>();
        for (PortfolioKey key : lines.keySet()) {
            result.add(line(key, snapshotByKey.get(key), flowsByKey.get(key)));
        }
        return new PortfolioReportResponse(asOf, from, to,
                groupBy.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList(), result,
                PortfolioDefinitions.ALL);
    }

    private static Line line(PortfolioKey key, PortfolioSnapshot snapshot, PortfolioFlows flows) {
        CurrencyUnit currency = key.currency();
        Money zero = Money.zero(currency);
        Tally none = new Tally(0, zero, null);
        List<Bucket> aging = new ArrayList<>();
        for (AgingBucket bucket : AgingBucket.values()) {
            Tally tally = snapshot != null ? tally(snapshot.aging().get(bucket)) : none;
            aging.add(new Bucket(bucket.name(), bucket.fromDays(),
                    bucket.toDays() == Integer.MAX_VALUE ? null : bucket.toDays(), tally.loans(),
                    tally.outstandingPrincipal(), tally.ratio()));
        }
        Flows moved = flows == null
                ? new Flows(0, zero, repaid(LoanComponents.zero(currency)), zero, zero, zero, null)
                : new Flows(flows.loansDisbursed(), flows.disbursed(), repaid(flows.repaid()), flows.writtenOff(),
                        flows.recovered(), flows.averageGlp(), ratio(flows.writeOffRatio()));
        if (snapshot == null) {
            return new Line(currency.getCode(), key.branch(), key.product(), key.segment(), key.gender(), 0, zero,
                    none, none, none, zero, null, aging, moved);
        }
        return new Line(currency.getCode(), key.branch(), key.product(), key.segment(), key.gender(),
                snapshot.activeLoans(), snapshot.grossLoanPortfolio(), tally(snapshot.par1()), tally(snapshot.par30()),
                tally(snapshot.par90()), snapshot.arrears(), ratio(snapshot.arrearsRate()), aging, moved);
    }

    private static Tally tally(LoanTally tally) {
        return new Tally(tally.loans(), tally.outstandingPrincipal(), ratio(tally.ratio()));
    }

    private static Repaid repaid(LoanComponents parts) {
        return new Repaid(parts.principal(), parts.interest(), parts.fee(), parts.penalty(), parts.total());
    }

    private static String ratio(BigDecimal ratio) {
        return ratio == null ? null : ratio.toPlainString();
    }

    /** One row per line; the aging buckets and the flows are columns of it. */
    @Override
    public void writeCsv(CsvWriter csv) {
        List<Object> header = new ArrayList<>(List.of("as_of", "from", "to", "currency", "branch", "product",
                "segment", "gender", "active_loans", "gross_loan_portfolio",
                "par1_loans", "par1_principal", "par1_ratio", "par30_loans", "par30_principal", "par30_ratio",
                "par90_loans", "par90_principal", "par90_ratio", "arrears", "arrears_rate"));
        for (AgingBucket bucket : AgingBucket.values()) {
            String name = bucket.name().toLowerCase(Locale.ROOT);
            header.add(name + "_loans");
            header.add(name + "_principal");
        }
        header.addAll(List.of("loans_disbursed", "disbursed", "repaid_principal", "repaid_interest", "repaid_fee",
                "repaid_penalty", "repaid_total", "written_off", "recovered", "average_glp", "write_off_ratio"));
        csv.row(header.toArray());
        for (Line l : lines) {
            List<Object> row = new ArrayList<>(List.of(asOf, from, to, l.currency()));
            row.add(l.branch());
            row.add(l.product());
            row.add(l.segment());
            row.add(l.gender());
            row.add(l.activeLoans());
            row.add(l.grossLoanPortfolio());
            for (Tally par : List.of(l.par1(), l.par30(), l.par90())) {
                row.add(par.loans());
                row.add(par.outstandingPrincipal());
                row.add(decimal(par.ratio()));
            }
            row.add(l.arrears());
            row.add(decimal(l.arrearsRate()));
            for (Bucket bucket : l.aging()) {
                row.add(bucket.loans());
                row.add(bucket.outstandingPrincipal());
            }
            Flows f = l.flows();
            row.addAll(List.of(f.loansDisbursed(), f.disbursed(), f.repaid().principal(), f.repaid().interest(),
                    f.repaid().fee(), f.repaid().penalty(), f.repaid().total(), f.writtenOff(), f.recovered(),
                    f.averageGlp()));
            row.add(decimal(f.writeOffRatio()));
            csv.row(row.toArray());
        }
    }

    /** A ratio is written as a number in CSV (not as guarded text), empty when absent. */
    private static BigDecimal decimal(String ratio) {
        return ratio == null ? null : new BigDecimal(ratio);
    }
}

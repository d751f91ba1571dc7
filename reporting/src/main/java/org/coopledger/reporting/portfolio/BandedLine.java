package org.coopledger.reporting.portfolio;

import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.reporting.Amounts;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * One line of a snapshot while its rows are read, one row per {@link DpdBands band}: the sums stay
 * exact decimals until the line is complete, then PAR and aging are the sums of their bands.
 */
final class BandedLine {

    private final PortfolioKey key;
    private final int[] loans = new int[DpdBands.count()];
    private final BigDecimal[] outstanding = new BigDecimal[DpdBands.count()];
    private BigDecimal overduePenalty = BigDecimal.ZERO;
    private BigDecimal overdueFee = BigDecimal.ZERO;
    private BigDecimal overdueInterest = BigDecimal.ZERO;
    private BigDecimal overduePrincipal = BigDecimal.ZERO;

    BandedLine(PortfolioKey key) {
        this.key = key;
        Arrays.fill(outstanding, BigDecimal.ZERO);
    }

    /** Adds a row with the columns band, loans, outstanding and overdue_penalty, _fee, _interest, _principal. */
    void add(ResultSet rs) throws SQLException {
        int band = rs.getInt("band");
        loans[band] += rs.getInt("loans");
        outstanding[band] = outstanding[band].add(rs.getBigDecimal("outstanding"));
        overduePenalty = overduePenalty.add(rs.getBigDecimal("overdue_penalty"));
        overdueFee = overdueFee.add(rs.getBigDecimal("overdue_fee"));
        overdueInterest = overdueInterest.add(rs.getBigDecimal("overdue_interest"));
        overduePrincipal = overduePrincipal.add(rs.getBigDecimal("overdue_principal"));
    }

    PortfolioSnapshot snapshot(LocalDate asOf) {
        String currency = key.currency().getCode();
        Tally all = sum(band -> true);
        Money glp = all.money(currency);
        LoanComponents overdue = new LoanComponents(Amounts.money(currency, overduePenalty),
                Amounts.money(currency, overdueFee), Amounts.money(currency, overdueInterest),
                Amounts.money(currency, overduePrincipal));
        Map<AgingBucket, LoanTally> aging = new EnumMap<>(AgingBucket.class);
        for (AgingBucket bucket : AgingBucket.values()) {
            aging.put(bucket, sum(band -> DpdBands.in(band, bucket)).tally(currency, glp));
        }
        LoanTally[] par = DpdBands.PAR_THRESHOLDS.stream()
                .map(threshold -> sum(band -> DpdBands.atRisk(band, threshold)).tally(currency, glp))
                .toArray(LoanTally[]::new);
        return new PortfolioSnapshot(key, asOf, all.loans(), glp, par[0], par[1], par[2], overdue.principal(),
                JdbcPortfolioQueries.ratio(overdue.principal(), glp), overdue, aging);
    }

    private Tally sum(IntPredicate bands) {
        int count = 0;
        BigDecimal principal = BigDecimal.ZERO;
        for (int band = 0; band < loans.length; band++) {
            if (bands.test(band)) {
                count += loans[band];
                principal = principal.add(outstanding[band]);
            }
        }
        return new Tally(count, principal);
    }

    private record Tally(int loans, BigDecimal principal) {

        Money money(String currency) {
            return Amounts.money(currency, principal);
        }

        LoanTally tally(String currency, Money glp) {
            Money amount = money(currency);
            return new LoanTally(loans, amount, JdbcPortfolioQueries.ratio(amount, glp));
        }
    }
}

package org.coopledger.core.loans;

import org.coopledger.core.loans.api.ChargePenalties;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.core.loans.api.LoanPenaltiesCharged;
import org.coopledger.core.loans.api.PenaltyCharge;
import org.coopledger.core.loans.api.PenaltyResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.coopledger.core.loans.LoanDesk.FEB_15;
import static org.coopledger.core.loans.LoanDesk.LOAN;
import static org.coopledger.core.loans.LoanDesk.MAR_15;
import static org.coopledger.core.loans.LoanDesk.standardTerms;
import static org.coopledger.core.testsupport.Samples.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Close of business for a loan: penalties once per period, and days past due. */
class LoanPenaltiesTest {

    private final LoanDesk desk = new LoanDesk();

    @AfterEach
    void tearDown() {
        desk.close();
    }

    private PenaltyResult cob(int daysAfterFebruary15) {
        return desk.ledger.send(new ChargePenalties(LOAN, FEB_15.plusDays(daysAfterFebruary15)));
    }

    @Test
    void nothingIsChargedWithinTheTolerance() {
        desk.active(standardTerms().penalty("0.02", 5).build(), List.of());
        int mark = desk.mark();

        PenaltyResult result = cob(5);

        assertEquals(usd("0.00"), result.charged());
        assertEquals(5, result.daysPastDue());
        assertEquals(List.of(), desk.eventsSince(mark));
    }

    @Test
    void theFirstPeriodIsChargedOnTheOverdueAmountOnceTheToleranceHasPassed() {
        desk.active(standardTerms().penalty("0.02", 5).build(), List.of());
        int mark = desk.mark();

        cob(6);

        // 340.02 × 2 % = 6.8004 → 6.80
        assertEquals(List.of(new LoanPenaltiesCharged(LOAN, FEB_15.plusDays(6),
                        List.of(new PenaltyCharge(1, 1, 1, usd("6.80"))), usd("6.80"),
                        new LoanComponents(usd("6.80"), usd("0.00"), usd("20.07"), usd("1000.00")))),
                desk.eventsSince(mark));
    }

    @Test
    void reRunningTheSameOrAnEarlierDateChargesNothingMore() {
        desk.active(standardTerms().penalty("0.02", 5).build(), List.of());
        cob(6);
        int mark = desk.mark();

        assertEquals(usd("0.00"), cob(6).charged());
        assertEquals(usd("0.00"), cob(20).charged());
        assertEquals(usd("0.00"), cob(3).charged());
        assertEquals(List.of(), desk.eventsSince(mark));
    }

    @Test
    void eachFurtherPeriodIsChargedOnceAndNewlyOverdueInstallmentsJoin() {
        desk.active(standardTerms().penalty("0.02", 5).build(), List.of());
        cob(6);
        int mark = desk.mark();

        // 21 March: installment 1 enters its second period, installment 2 (due 15 March) its first.
        PenaltyResult result = desk.ledger.send(new ChargePenalties(LOAN, MAR_15.plusDays(6)));

        assertEquals(usd("13.60"), result.charged());
        assertEquals(34, result.daysPastDue());
        LoanPenaltiesCharged event = (LoanPenaltiesCharged) desk.eventsSince(mark).get(0);
        assertEquals(List.of(new PenaltyCharge(1, 1, 2, usd("6.80")), new PenaltyCharge(2, 1, 1, usd("6.80"))),
                event.charges());
    }

    @Test
    void daysPastDueCountFromTheOldestInstallmentNotFullyPaid() {
        desk.active(standardTerms().build(), List.of());
        assertEquals(0, cob(0).daysPastDue());
        assertEquals(0, desk.ledger.<PenaltyResult>send(new ChargePenalties(LOAN, FEB_15.minusDays(3))).daysPastDue());
        assertEquals(10, cob(10).daysPastDue());

        desk.repay(usd("340.01"), FEB_15.plusDays(10));
        assertEquals(11, cob(11).daysPastDue());
        desk.repay(usd("0.01"), FEB_15.plusDays(11));
        assertEquals(0, cob(12).daysPastDue());
        assertEquals(3, desk.ledger.<PenaltyResult>send(new ChargePenalties(LOAN, MAR_15.plusDays(3))).daysPastDue());
    }

    @Test
    void aProductWithoutPenaltyRateNeverCharges() {
        desk.active(standardTerms().build(), List.of());
        int mark = desk.mark();
        assertEquals(usd("0.00"), cob(90).charged());
        assertEquals(List.of(), desk.eventsSince(mark));
    }
}

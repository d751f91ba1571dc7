package org.coopledger.core.loans;

import org.coopledger.core.loans.api.DefineLoanProduct;
import org.coopledger.core.loans.api.FeeCharging;
import org.coopledger.core.loans.api.LoanComponent;
import org.coopledger.core.loans.api.LoanFee;
import org.coopledger.core.loans.api.LoanProductDefined;
import org.coopledger.core.loans.api.LoanTerms;
import org.coopledger.core.testsupport.InMemoryLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.coopledger.core.error.ErrorCode.CURRENCY_MISMATCH;
import static org.coopledger.core.error.ErrorCode.PRODUCT_ALREADY_EXISTS;
import static org.coopledger.core.error.ErrorCode.VALIDATION_FAILED;
import static org.coopledger.core.testsupport.Rejections.assertRejected;
import static org.coopledger.core.testsupport.Samples.USD;
import static org.coopledger.core.testsupport.Samples.jod;
import static org.coopledger.core.testsupport.Samples.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A loan product's terms are checked once, when it is defined. */
class LoanProductTest {

    private final InMemoryLedger ledger = new InMemoryLedger();

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private void define(LoanTerms terms) {
        ledger.send(new DefineLoanProduct("SME-12", "Small business", terms));
    }

    @Test
    void validTermsDefineTheProductUnderItsCode() {
        LoanTerms terms = TermsBuilder.in(USD).build();

        String code = ledger.send(new DefineLoanProduct("SME-12", "Small business", terms));

        assertEquals("SME-12", code);
        assertEquals(List.of(new LoanProductDefined("SME-12", "Small business", terms)), ledger.events());
    }

    @Test
    void aCodeAlreadyTakenIsRefused() {
        define(TermsBuilder.in(USD).build());
        assertRejected(PRODUCT_ALREADY_EXISTS, () -> define(TermsBuilder.in(USD).build()));
    }

    @Test
    void aPrincipalRangeUpsideDownIsRefused() {
        assertRejected(VALIDATION_FAILED,
                () -> define(TermsBuilder.in(USD).principal(usd("500.00"), usd("499.99")).build()));
    }

    @Test
    void aGraceAsLongAsTheShortestTermIsRefused() {
        assertRejected(VALIDATION_FAILED, () -> define(TermsBuilder.in(USD).installments(3, 12).grace(3).build()));
    }

    @Test
    void anAllocationOrderThatLeavesAComponentOutIsRefused() {
        assertRejected(VALIDATION_FAILED, () -> define(TermsBuilder.in(USD).allocation(LoanComponent.PENALTY,
                LoanComponent.FEE, LoanComponent.INTEREST, LoanComponent.INTEREST).build()));
    }

    @Test
    void aNegativeRateIsRefused() {
        assertRejected(VALIDATION_FAILED, () -> define(TermsBuilder.in(USD).rate("-0.01").build()));
    }

    @Test
    void aFeeWithBothAnAmountAndARateIsRefused() {
        assertRejected(VALIDATION_FAILED, () -> define(TermsBuilder.in(USD).fee(new LoanFee("processing",
                usd("5.00"), new BigDecimal("0.01"), FeeCharging.AT_DISBURSEMENT)).build()));
    }

    @Test
    void aFeeInAnotherCurrencyIsRefused() {
        assertRejected(CURRENCY_MISMATCH, () -> define(TermsBuilder.in(USD).fee(new LoanFee("processing",
                jod("5.000"), null, FeeCharging.AT_DISBURSEMENT)).build()));
    }
}

package org.coopledger.core.savings;

import org.coopledger.core.savings.api.DefineSavingsProduct;
import org.coopledger.core.savings.api.SavingsProductDefined;
import org.coopledger.core.testsupport.InMemoryLedger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.coopledger.core.error.ErrorCode.INVALID_AMOUNT;
import static org.coopledger.core.error.ErrorCode.PRODUCT_ALREADY_EXISTS;
import static org.coopledger.core.error.ErrorCode.VALIDATION_FAILED;
import static org.coopledger.core.testsupport.Rejections.assertRejected;
import static org.coopledger.core.testsupport.Samples.JOD;
import static org.coopledger.core.testsupport.Samples.jod;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Product definition asks the event store whether the code is taken, which Axon's aggregate
 * fixture cannot answer for an id without events, so these run on the in-memory event store.
 */
class SavingsProductTest {

    private final InMemoryLedger ledger = new InMemoryLedger();

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    @Test
    void productIsDefinedUnderItsCodeWithItsMinimumBalance() {
        String code = ledger.send(new DefineSavingsProduct("COMPULSORY_JOD", "Compulsory savings", jod("10.000")));

        assertEquals("COMPULSORY_JOD", code);
        assertEquals(List.of(new SavingsProductDefined("COMPULSORY_JOD", "Compulsory savings", jod("10.000"))),
                ledger.events());
    }

    @Test
    void productWithAZeroMinimumBalanceIsAccepted() {
        ledger.send(new DefineSavingsProduct("VOLUNTARY-USD", "Voluntary", Money.zero(CurrencyUnit.USD)));

        assertEquals(List.of(new SavingsProductDefined("VOLUNTARY-USD", "Voluntary", Money.zero(CurrencyUnit.USD))),
                ledger.events());
    }

    @Test
    void productWithACodeAlreadyDefinedIsRefusedAsAlreadyExisting() {
        ledger.send(new DefineSavingsProduct("VOLUNTARY", "Voluntary", Money.zero(JOD)));

        assertRejected(PRODUCT_ALREADY_EXISTS,
                () -> ledger.send(new DefineSavingsProduct("VOLUNTARY", "Voluntary again", Money.zero(JOD))));
        assertEquals(1, ledger.events().size());
    }

    @Test
    void productCodeInLowerCaseIsRefusedAsInvalid() {
        assertRejected(VALIDATION_FAILED,
                () -> ledger.send(new DefineSavingsProduct("voluntary", "Voluntary", Money.zero(JOD))));
    }

    @Test
    void productCodeLongerThanThirtyTwoCharactersIsRefusedAsInvalid() {
        assertRejected(VALIDATION_FAILED,
                () -> ledger.send(new DefineSavingsProduct("P".repeat(33), "Voluntary", Money.zero(JOD))));
    }

    @Test
    void productWithoutANameIsRefusedAsInvalid() {
        assertRejected(VALIDATION_FAILED,
                () -> ledger.send(new DefineSavingsProduct("VOLUNTARY", null, Money.zero(JOD))));
    }

    @Test
    void productWithANegativeMinimumBalanceIsRefusedAsInvalidAmount() {
        assertRejected(INVALID_AMOUNT,
                () -> ledger.send(new DefineSavingsProduct("VOLUNTARY", "Voluntary", jod("-1.000"))));
    }

    @Test
    void productWithoutAMinimumBalanceIsRefusedAsInvalidAmount() {
        assertRejected(INVALID_AMOUNT, () -> ledger.send(new DefineSavingsProduct("VOLUNTARY", "Voluntary", null)));
    }
}

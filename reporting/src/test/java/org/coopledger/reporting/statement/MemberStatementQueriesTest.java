package org.coopledger.reporting.statement;

import org.coopledger.core.error.LedgerException;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.reporting.History;
import org.coopledger.reporting.ReportingDatabase;
import org.coopledger.reporting.savings.SavingsProjectionAccess;
import org.coopledger.reporting.shares.ShareProjectionAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.coopledger.reporting.SampleEvents.DAY_1;
import static org.coopledger.reporting.SampleEvents.DAY_2;
import static org.coopledger.reporting.SampleEvents.DAY_3;
import static org.coopledger.reporting.SampleEvents.deposit;
import static org.coopledger.reporting.SampleEvents.opened;
import static org.coopledger.reporting.SampleEvents.sharesPurchased;
import static org.coopledger.reporting.SampleEvents.sharesRedeemed;
import static org.coopledger.reporting.SampleEvents.usd;
import static org.coopledger.reporting.SampleEvents.withdrawal;

/** The member statement over the savings and share projections, fed event by event. */
class MemberStatementQueriesTest {

    private static final MemberId MEMBER = new MemberId("member-1");
    private static final AccountId ACCOUNT = new AccountId("account-1");

    private static ReportingDatabase db;
    private static Object savings;
    private static Object shares;
    private static JdbcMemberStatementQueries queries;

    @BeforeAll
    static void startDatabase() {
        db = ReportingDatabase.start();
        savings = SavingsProjectionAccess.projection(db);
        shares = ShareProjectionAccess.projection(db);
        queries = new JdbcMemberStatementQueries(db.jdbc(), org.coopledger.reporting.loans.LoanEvents.queries(db));
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @BeforeEach
    void history() {
        History.reset(savings);
        History.reset(shares);
        History history = new History()
                .append("SavingsAccount", ACCOUNT.value(), opened(ACCOUNT, MEMBER, usd("0.00")))
                .append("SavingsAccount", ACCOUNT.value(), deposit(ACCOUNT, "d1", usd("100.00"), usd("100.00"), DAY_1))
                .append("Member", MEMBER.value(), sharesPurchased(MEMBER, "s1", 5, usd("10.00"), 5, DAY_1))
                .append("SavingsAccount", ACCOUNT.value(), withdrawal(ACCOUNT, "w1", usd("30.00"), usd("70.00"), DAY_2))
                .append("SavingsAccount", ACCOUNT.value(), deposit(ACCOUNT, "d2", usd("12.50"), usd("82.50"), DAY_3))
                .append("Member", MEMBER.value(), sharesRedeemed(MEMBER, "s2", 2, usd("10.00"), 3, DAY_3));
        history.deliverTo(savings);
        history.deliverTo(shares);
        // A redelivery changes nothing.
        history.deliverTo(shares);
    }

    @Test
    void eachSectionOpensWithTheBalanceBeforeThePeriodAndClosesWithTheBalanceAtItsEnd() {
        MemberStatement statement = queries.statement(MEMBER, DAY_2, DAY_3);
        assertThat(statement.savings()).singleElement().satisfies(section -> {
            assertThat(section.openingBalance()).isEqualTo(usd("100.00"));
            assertThat(section.movements()).extracting(m -> m.type() + " " + m.balance())
                    .containsExactly("WITHDRAWAL USD 70.00", "DEPOSIT USD 82.50");
            assertThat(section.totalCredits()).isEqualTo(usd("12.50"));
            assertThat(section.totalDebits()).isEqualTo(usd("30.00"));
            assertThat(section.closingBalance()).isEqualTo(usd("82.50"));
        });
        assertThat(statement.shares()).satisfies(s -> {
            assertThat(s.openingShares()).isEqualTo(5);
            assertThat(s.openingCapital()).isEqualTo(usd("50.00"));
            assertThat(s.movements()).extracting(m -> m.type() + " " + m.shareCount() + " " + m.capital())
                    .containsExactly("REDEMPTION 2 USD 30.00");
            assertThat(s.closingShares()).isEqualTo(3);
            assertThat(s.closingCapital()).isEqualTo(usd("30.00"));
        });
    }

    @Test
    void aPeriodBeforeAnyMovementHasZeroBalancesAndNoShareSection() {
        MemberStatement statement = queries.statement(MEMBER, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31));
        assertThat(statement.shares()).isNull();
        assertThat(statement.savings()).isEmpty();
    }

    /** A lost statement line would print a statement whose lines do not add up: refused, loudly. */
    @Test
    void aStatementThatDoesNotAddUpFailsInsteadOfBeingPrinted() {
        db.jdbc().update("DELETE FROM savings_statement_line WHERE account_id = ? AND transaction_id = 'w1'", ACCOUNT.value());
        assertThatThrownBy(() -> queries.statement(MEMBER, DAY_1, DAY_3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not add up");
    }

    @Test
    void aShareHistoryThatDoesNotAddUpFailsInsteadOfBeingPrinted() {
        db.jdbc().update("DELETE FROM share_movement WHERE transaction_id = 's1'");
        assertThatThrownBy(() -> queries.statement(MEMBER, DAY_3, DAY_3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("share history");
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> queries.statement(MEMBER, DAY_3, DAY_1)).isInstanceOf(LedgerException.class);
    }
}

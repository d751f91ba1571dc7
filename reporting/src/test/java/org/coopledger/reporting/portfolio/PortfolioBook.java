package org.coopledger.reporting.portfolio;

import org.coopledger.core.loans.api.Installment;
import org.coopledger.core.loans.api.InstallmentAllocation;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.loans.api.PenaltyCharge;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.reporting.History;
import org.coopledger.reporting.ReportingDatabase;
import org.coopledger.reporting.loans.LoanEvents;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes loans' events for portfolio tests; keeps what each loan still owes only to state it in the
 * events (outstandingAfter), as the aggregate would. The figures under test come from the projection.
 */
final class PortfolioBook {

    final LoanEvents events = new LoanEvents(new History());
    private final Map<String, LoanComponents> owed = new HashMap<>();
    private final Map<String, LocalDate> disbursements = new HashMap<>();

    static void member(ReportingDatabase db, String memberId, String branch, String segment, String gender) {
        db.jdbc().update("""
                INSERT INTO member_projection (member_id, member_number, segment, branch, gender, join_date, status,
                    last_sequence_number) VALUES (?, ?, ?, ?, ?, DATE '2024-01-01', 'ACTIVE', 0)""",
                memberId, "M-" + memberId, segment, branch, gender);
    }

    /** Disbursed on {@code disbursedOn}; installment k is due k months later. */
    void loan(String id, String member, String product, CurrencyUnit currency, String disbursedOn, int count,
              String principalEach, String interestEach) {
        loan(id, member, product, LocalDate.parse(disbursedOn), count, LoanEvents.money(currency, principalEach),
                LoanEvents.money(currency, interestEach));
    }

    void loan(String id, String member, String product, LocalDate disbursed, int count, Money principal,
              Money interest) {
        CurrencyUnit currency = principal.getCurrencyUnit();
        List<Installment> installments = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            installments.add(LoanEvents.installment(k, disbursed.plusMonths(k), principal, interest,
                    Money.zero(currency)));
        }
        LoanId loanId = new LoanId(id);
        events.submitted(loanId, new MemberId(member), product, principal.multipliedBy(count), count, "teller-1",
                        disbursed.minusDays(2))
                .approved(loanId, "manager-1", disbursed.minusDays(1))
                .disbursed(loanId, new MemberId(member), id + "-out", disbursed, Money.zero(currency),
                        installments.toArray(Installment[]::new));
        owed.put(id, new LoanComponents(Money.zero(currency), Money.zero(currency),
                interest.multipliedBy(count), principal.multipliedBy(count)));
        disbursements.put(id, disbursed);
    }

    /** Pays on installment {@code number} on the date it falls due ({@code number} months after disbursement). */
    void pay(String id, int number, String interest, String principal) {
        CurrencyUnit currency = currency(id);
        pay(id, disbursements.get(id).plusMonths(number).toString(), LoanEvents.paid(number,
                LoanEvents.parts(currency, "0", "0", interest, principal)));
    }

    void pay(String id, String date, InstallmentAllocation... allocations) {
        pay(id, LocalDate.parse(date), List.of(allocations));
    }

    void pay(String id, LocalDate date, List<InstallmentAllocation> allocations) {
        LoanComponents total = LoanComponents.zero(currency(id));
        for (InstallmentAllocation allocation : allocations) {
            total = total.plus(allocation.amounts());
        }
        LoanComponents after = owed.get(id).minus(total);
        owed.put(id, after);
        Money zero = Money.zero(currency(id));
        events.repaid(new LoanId(id), id + "-" + date + "-" + allocations.get(0).installment(), date, total.total(),
                zero, zero, after, allocations.toArray(InstallmentAllocation[]::new));
    }

    /** One penalty on one installment, charged as of {@code asOf}. */
    void charge(String id, LocalDate asOf, int installment, Money amount) {
        LoanComponents before = owed.get(id);
        LoanComponents after = new LoanComponents(before.penalty().plus(amount), before.fee(), before.interest(),
                before.principal());
        owed.put(id, after);
        events.penalties(new LoanId(id), asOf, after, new PenaltyCharge(installment, 1, 1, amount));
    }

    void writeOff(String id, String date) {
        writeOff(id, LocalDate.parse(date));
    }

    void writeOff(String id, LocalDate date) {
        events.writtenOff(new LoanId(id), id + "-off", date, owed.get(id));
    }

    void recover(String id, String date, String amount) {
        recover(id, LocalDate.parse(date), LoanEvents.money(currency(id), amount));
    }

    void recover(String id, LocalDate date, Money amount) {
        events.recovered(new LoanId(id), id + "-back", date, amount, amount);
    }

    void close(String id, String date) {
        close(id, LocalDate.parse(date));
    }

    void close(String id, LocalDate date) {
        events.closed(new LoanId(id), date);
    }

    void deliverTo(ReportingDatabase db) {
        events.history().deliverTo(LoanEvents.projection(db));
    }

    private CurrencyUnit currency(String id) {
        return owed.get(id).principal().getCurrencyUnit();
    }
}

package org.coopledger.api.reports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The indicators' definitions, sent beside the figures so that a reader of the report (or of the
 * dashboard) knows what each number counts: PAR and the arrears rate are often confused, and the
 * difference decides whether a portfolio looks healthy. Wording from the domain specification.
 */
final class PortfolioDefinitions {

    static final Map<String, String> ALL;

    static {
        Map<String, String> definitions = new LinkedHashMap<>();
        definitions.put("daysPastDue", "Days past due (DPD) on a date: days since the due date of the oldest "
                + "installment not fully paid (principal, interest and fees; penalties aside); 0 when nothing is overdue.");
        definitions.put("activeLoans", "Loans disbursed on or before asOf and neither closed nor written off by then.");
        definitions.put("grossLoanPortfolio", "Gross loan portfolio (GLP): outstanding principal of all active loans, "
                + "before allowances.");
        definitions.put("par", "PAR_n (par1, par30, par90): outstanding principal of loans with DPD > n, divided by GLP. "
                + "The whole outstanding principal of a late loan counts, not only the late part. Restructured "
                + "(rescheduled) loans would count as at risk whatever their DPD; the ledger has none yet.");
        definitions.put("arrears", "Arrears: principal of installments due before asOf and not paid by then "
                + "(the overdue amounts only, not the whole loan).");
        definitions.put("arrearsRate", "Arrears rate: arrears / GLP. Not PAR: it counts only the overdue amounts "
                + "(what some systems, Fineract among them, call \"portfolio at risk\").");
        definitions.put("aging", "Aging buckets by DPD: current (0), 1-30, 31-60, 61-90, 91-180, over 180 days: "
                + "count of loans and outstanding principal in each.");
        definitions.put("disbursed", "Principal paid out to borrowers in the period (before fees deducted).");
        definitions.put("repaid", "Repayments collected in the period, by component (principal, interest, fees, "
                + "penalties), including applied advances and called guarantees.");
        definitions.put("writtenOff", "Principal written off in the period.");
        definitions.put("recovered", "Collected in the period on loans written off (in any period).");
        definitions.put("averageGlp", "Average GLP of the period: (GLP at the end of the day before from + GLP at "
                + "the end of to) / 2.");
        definitions.put("writeOffRatio", "Write-off ratio: principal written off in the period / average GLP of "
                + "the period.");
        definitions.put("ratios", "Ratios are decimal fractions with six decimals (0.374535 = 37.4535 %), absent "
                + "when the amount they divide by is zero.");
        ALL = Collections.unmodifiableMap(definitions);
    }

    private PortfolioDefinitions() {
    }
}

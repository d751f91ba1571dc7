-- The read model of a cooperative with ${loans} loans and ${accounts} savings accounts, written
-- straight into the projection tables for `ledgerctl bench --scenario report`. The reports read only
-- these tables; producing the same rows through the API would take hours at today's posting rate.
-- Deterministic (hashes of the row number, no random()), relative to the business date ${today};
-- every id carries the run's tag ${tag} so that a second run on the same database cannot collide.
--
-- Loans: 12, 18 or 24 monthly installments, disbursed over the last 450 days. 75 % pay on the due
-- date, 15 % pay 5 to 45 days late, 10 % stop paying at some installment (a penalty 30 days later;
-- written off 240 days later). Rows are consistent as the loan projection would write them: paid
-- columns are the sums of the allocations, outstanding and status follow from them. Rows are
-- inserted in the order the ledger would have written them (by date), so that a month's payments
-- sit together on disk as they would in a real database.

CREATE TEMP TABLE seed_loan ON COMMIT DROP AS
SELECT i,
       'bench-${tag}-loan-' || i AS loan_id,
       'bench-${tag}-m-' || (1 + mod(i * 7919, ${members})) AS member_id,
       CASE WHEN mod(i, 5) = 0 THEN 'KES' ELSE 'USD' END AS currency,
       (ARRAY['MICRO', 'SME', 'AGRI'])[1 + mod(i, 3)] AS product_code,
       (500 + mod(abs(hashtext('p' || i)), 95) * 100)::numeric AS principal,
       12 + 6 * mod(abs(hashtext('n' || i)), 3) AS installments,
       DATE '${today}' - mod(abs(hashtext('d' || i)), 450) AS disbursed_on,
       mod(abs(hashtext('k' || i)), 100) AS behaviour,
       5 + mod(abs(hashtext('l' || i)), 41) AS delay,
       1 + mod(abs(hashtext('t' || i)), 8) AS stops_at
FROM generate_series(1, ${loans}) i;
ANALYZE seed_loan;

INSERT INTO member_projection (member_id, member_number, gender, segment, branch, join_date, status,
                               last_sequence_number)
SELECT 'bench-${tag}-m-' || i, 'B-${tag}-' || i,
       (ARRAY['FEMALE', 'MALE', 'OTHER'])[1 + mod(abs(hashtext('g' || i)), 3)],
       (ARRAY['MIGRANT_WORKER', 'REFUGEE', 'RETURNEE', 'HOST_COMMUNITY'])[1 + mod(abs(hashtext('s' || i)), 4)],
       (ARRAY['KAMPALA', 'NAIROBI', 'AMMAN', 'BEIRUT', 'MANILA'])[1 + mod(abs(hashtext('b' || i)), 5)],
       DATE '${today}' - 900, 'ACTIVE', 0
FROM generate_series(1, ${members}) i;

CREATE TEMP TABLE seed_installment ON COMMIT DROP AS
SELECT l.loan_id, l.currency, k AS installment_no,
       (l.disbursed_on + make_interval(months => k))::date AS due_date,
       CASE WHEN k < l.installments THEN round(l.principal / l.installments, 2)
            ELSE l.principal - (l.installments - 1) * round(l.principal / l.installments, 2) END AS principal_due,
       round(l.principal * 0.015, 2) AS interest_due,
       (l.disbursed_on + make_interval(months => k))::date
           + CASE WHEN l.behaviour BETWEEN 75 AND 89 THEN l.delay ELSE 0 END AS pays_on,
       NOT (l.behaviour >= 90 AND k >= l.stops_at) AS pays
FROM seed_loan l CROSS JOIN LATERAL generate_series(1, l.installments) k;
ANALYZE seed_installment;

INSERT INTO loan_allocation (event_id, installment_no, loan_id, booking_date, currency, penalty, fee, interest,
                             principal)
SELECT 'bench-${tag}-repay-' || loan_id || '-' || installment_no, installment_no, loan_id, pays_on, currency, 0, 0,
       interest_due, principal_due
FROM seed_installment
WHERE pays AND pays_on <= DATE '${today}'
ORDER BY pays_on;

INSERT INTO loan_penalty_charge (event_id, installment_no, loan_id, charged_on, currency, amount,
                                 periods_charged_after)
SELECT 'bench-${tag}-penalty-' || i.loan_id, i.installment_no, i.loan_id, i.due_date + 30, i.currency, 10, 1
FROM seed_installment i JOIN seed_loan l ON l.loan_id = i.loan_id
WHERE l.behaviour >= 90 AND i.installment_no = l.stops_at AND i.due_date + 30 <= DATE '${today}'
ORDER BY i.due_date;

INSERT INTO loan_installment (loan_id, installment_no, due_date, currency, principal_due, interest_due, fee_due,
                              penalty_charged, penalty_paid, fee_paid, interest_paid, principal_paid)
SELECT i.loan_id, i.installment_no, i.due_date, i.currency, i.principal_due, i.interest_due, 0,
       COALESCE(c.amount, 0), 0, 0, COALESCE(a.interest, 0), COALESCE(a.principal, 0)
FROM seed_installment i
JOIN seed_loan l ON l.loan_id = i.loan_id
LEFT JOIN loan_allocation a ON a.loan_id = i.loan_id AND a.installment_no = i.installment_no
LEFT JOIN loan_penalty_charge c ON c.loan_id = i.loan_id AND c.installment_no = i.installment_no
ORDER BY l.disbursed_on, l.i, i.installment_no;

CREATE TEMP TABLE seed_state ON COMMIT DROP AS
SELECT i.loan_id,
       count(*) FILTER (WHERE i.principal_paid < i.principal_due OR i.interest_paid < i.interest_due) AS owing,
       sum(i.principal_due - i.principal_paid) AS principal,
       sum(i.interest_due - i.interest_paid) AS interest,
       sum(i.penalty_charged - i.penalty_paid) AS penalty,
       max(a.booking_date) AS last_paid
FROM loan_installment i
JOIN seed_loan l ON l.loan_id = i.loan_id
LEFT JOIN loan_allocation a ON a.loan_id = i.loan_id AND a.installment_no = i.installment_no
GROUP BY i.loan_id;
ANALYZE seed_state;

CREATE TEMP TABLE seed_write_off ON COMMIT DROP AS
SELECT l.loan_id, i.due_date + 240 AS written_off_on
FROM seed_loan l JOIN seed_installment i ON i.loan_id = l.loan_id AND i.installment_no = l.stops_at
WHERE l.behaviour >= 90 AND i.due_date + 240 <= DATE '${today}';
ANALYZE seed_write_off;

INSERT INTO loan_projection (loan_id, member_id, product_code, currency, status, principal, installments,
                             submitted_by, submitted_on, submitted_at, approved_by, approved_on, disbursed_on,
                             closed_on, written_off_on, outstanding_penalty, outstanding_fee, outstanding_interest,
                             outstanding_principal, advance, written_off_principal, recovered, last_sequence_number)
SELECT l.loan_id, l.member_id, l.product_code, l.currency,
       CASE WHEN w.loan_id IS NOT NULL THEN 'WRITTEN_OFF' WHEN s.owing = 0 THEN 'CLOSED' ELSE 'ACTIVE' END,
       l.principal, l.installments, 'bench-teller', l.disbursed_on - 3, (l.disbursed_on - 3)::timestamptz,
       'bench-manager', l.disbursed_on - 1, l.disbursed_on,
       CASE WHEN w.loan_id IS NULL AND s.owing = 0 THEN s.last_paid END,
       w.written_off_on,
       CASE WHEN w.loan_id IS NULL THEN s.penalty ELSE 0 END, 0,
       CASE WHEN w.loan_id IS NULL THEN s.interest ELSE 0 END,
       CASE WHEN w.loan_id IS NULL THEN s.principal ELSE 0 END, 0,
       CASE WHEN w.loan_id IS NULL THEN 0 ELSE s.principal END, 0, 20
FROM seed_loan l
JOIN seed_state s ON s.loan_id = l.loan_id
LEFT JOIN seed_write_off w ON w.loan_id = l.loan_id
ORDER BY l.disbursed_on, l.i;

INSERT INTO loan_movement (event_id, loan_id, sequence_number, global_index, kind, transaction_id, booking_date,
                           currency, amount, penalty, fee, interest, principal)
SELECT 'bench-${tag}-disburse-' || loan_id, loan_id, 3, CAST(NULL AS BIGINT), 'DISBURSEMENT',
       'bench-${tag}-d-' || i, disbursed_on, currency, principal, 0, 0, 0, principal
FROM seed_loan
UNION ALL
SELECT a.event_id, a.loan_id, 3 + a.installment_no, CAST(NULL AS BIGINT), 'REPAYMENT',
       'bench-${tag}-r-' || md5(a.event_id), a.booking_date, a.currency, a.interest + a.principal, 0, 0, a.interest,
       a.principal
FROM loan_allocation a JOIN seed_loan l ON l.loan_id = a.loan_id
UNION ALL
SELECT 'bench-${tag}-writeoff-' || p.loan_id, p.loan_id, 40, CAST(NULL AS BIGINT), 'WRITE_OFF',
       'bench-${tag}-w-' || md5(p.loan_id), p.written_off_on, p.currency, p.written_off_principal, 0, 0, 0,
       p.written_off_principal
FROM loan_projection p JOIN seed_loan l ON l.loan_id = p.loan_id
WHERE p.status = 'WRITTEN_OFF'
ORDER BY 7;

-- Savings: accounts opened over the last 900 days, each with a deposit on its opening day and,
-- when those dates have come, a second deposit 30 days later and a withdrawal 60 days later.
CREATE TEMP TABLE seed_account ON COMMIT DROP AS
SELECT i,
       'bench-${tag}-acct-' || i AS account_id,
       'bench-${tag}-m-' || (1 + mod(i - 1, ${members})) AS member_id,
       CASE WHEN mod(i, 5) = 0 THEN 'KES' ELSE 'USD' END AS currency,
       DATE '${today}' - mod(abs(hashtext('o' || i)), 900) AS opened_on,
       (10 + mod(abs(hashtext('a' || i)), 990))::numeric AS first,
       (5 + mod(abs(hashtext('e' || i)), 200))::numeric AS second,
       (1 + mod(abs(hashtext('w' || i)), 10))::numeric AS withdrawn
FROM generate_series(1, ${accounts}) i;
ANALYZE seed_account;

INSERT INTO savings_statement_line (account_id, entry_no, transaction_id, type, direction, amount, currency,
                                    balance_after, booking_date, value_date, reference, recorded_at)
SELECT account_id, 1, 'bench-${tag}-s1-' || i, 'DEPOSIT', 'CREDIT', first, currency, first, opened_on, opened_on,
       NULL, opened_on::timestamptz
FROM seed_account
UNION ALL
SELECT account_id, 2, 'bench-${tag}-s2-' || i, 'DEPOSIT', 'CREDIT', second, currency, first + second,
       opened_on + 30, opened_on + 30, NULL, (opened_on + 30)::timestamptz
FROM seed_account WHERE opened_on + 30 <= DATE '${today}'
UNION ALL
SELECT account_id, 3, 'bench-${tag}-s3-' || i, 'WITHDRAWAL', 'DEBIT', withdrawn, currency,
       first + second - withdrawn, opened_on + 60, opened_on + 60, NULL, (opened_on + 60)::timestamptz
FROM seed_account WHERE opened_on + 60 <= DATE '${today}'
ORDER BY 9;

INSERT INTO savings_account_projection (account_id, member_id, product_code, currency, status, balance, held,
                                        minimum_balance, opened_on, closed_on, last_sequence_number)
SELECT a.account_id, a.member_id, 'SAVINGS', a.currency, 'OPEN', s.balance_after, 0, 0, a.opened_on, NULL, 3
FROM seed_account a
JOIN LATERAL (SELECT l.balance_after FROM savings_statement_line l WHERE l.account_id = a.account_id
              ORDER BY l.entry_no DESC LIMIT 1) s ON true;

-- The five projection processors (members, savings-accounts, journal, shares, loans) become one,
-- "projections" (docs/DECISIONS.md, "One processor for all projections"). Its tokens do not exist
-- yet, so on its first start it replays the whole history; the five old processors' tables may
-- each stand at a different position, and no single token describes them. So the projections are
-- emptied, with their old tokens and dead letters, and the new processor rebuilds them all from
-- the first event (a replay parks again any event that still cannot be applied). The same tables
-- as the projections' @ResetHandlers, which a rebuild runs.
TRUNCATE TABLE member_projection,
               savings_statement_line, savings_account_projection,
               journal_line,
               share_movement,
               loan_penalty_charge, loan_allocation, loan_movement, loan_installment, loan_projection;
DELETE FROM tokenentry WHERE processorname IN ('members', 'savings-accounts', 'journal', 'shares', 'loans');
DELETE FROM deadletterentry WHERE processinggroup IN ('members', 'savings-accounts', 'journal', 'shares', 'loans');

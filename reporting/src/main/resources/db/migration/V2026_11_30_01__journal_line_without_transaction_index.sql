-- No query of the ledger reads journal lines by transaction: the general ledger goes by account
-- (journal_line_account_idx), the trial balance by date or stream position. The index cost every
-- posting and every replayed event one more B-tree insertion (docs/PERFORMANCE.md, "What a
-- posting costs PostgreSQL"); an auditor's ad-hoc search by transaction reads the table instead.
DROP INDEX IF EXISTS journal_line_transaction_idx;

-- The entries of one GL account in one currency over a period, in posting order (the general
-- ledger report and its cursor): one index range scan instead of a scan of the whole journal.
CREATE INDEX journal_line_account_idx ON journal_line (gl_code, currency, booking_date, global_index, line_no);

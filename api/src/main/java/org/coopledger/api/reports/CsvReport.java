package org.coopledger.api.reports;

/**
 * A response that can also be answered as CSV ({@code Accept: text/csv}). The JSON and the CSV
 * are written from the same response object, so they carry the same numbers.
 */
public interface CsvReport {

    /** Writes the header row, then one row per line of the report. */
    void writeCsv(CsvWriter csv);
}

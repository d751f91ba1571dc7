package org.coopledger.api.reports;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Writes a {@link CsvReport} as {@code text/csv; charset=UTF-8}; reads nothing. */
class CsvMessageConverter extends AbstractHttpMessageConverter<CsvReport> {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final String TEXT_CSV_VALUE = "text/csv";

    CsvMessageConverter() {
        super(StandardCharsets.UTF_8, TEXT_CSV);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return CsvReport.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected CsvReport readInternal(Class<? extends CsvReport> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is not accepted as input", input);
    }

    @Override
    protected void writeInternal(CsvReport report, HttpOutputMessage output) throws IOException {
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        report.writeCsv(new CsvWriter(writer));
        writer.flush();
    }
}

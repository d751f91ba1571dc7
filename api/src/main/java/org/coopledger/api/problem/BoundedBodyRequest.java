package org.coopledger.api.problem;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A request whose body stream fails with {@link PayloadTooLargeException} after {@code limitBytes}. */
final class BoundedBodyRequest extends HttpServletRequestWrapper {

    private final long limitBytes;
    private ServletInputStream bounded;
    private BufferedReader reader;

    BoundedBodyRequest(HttpServletRequest request, long limitBytes) {
        super(request);
        this.limitBytes = limitBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (bounded == null) {
            bounded = new BoundedInputStream(super.getInputStream(), limitBytes);
        }
        return bounded;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset()));
        }
        return reader;
    }

    private Charset charset() throws UnsupportedEncodingException {
        String encoding = getCharacterEncoding();
        if (encoding == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(encoding);
        } catch (IllegalArgumentException unknown) {
            // A client's unknown charset is its mistake: an IOException becomes a 400, not a 500.
            throw new UnsupportedEncodingException("unsupported request charset");
        }
    }

    private static final class BoundedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limitBytes;
        private long readBytes;

        BoundedInputStream(ServletInputStream in, long limitBytes) {
            this.in = in;
            this.limitBytes = limitBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            readBytes += n;
            if (readBytes > limitBytes) {
                throw new PayloadTooLargeException(limitBytes);
            }
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

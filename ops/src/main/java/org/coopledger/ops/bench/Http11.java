package org.coopledger.ops.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A small HTTP/1.1 client over plain sockets with a pool of keep-alive connections, for the
 * benchmark's load. The JDK's {@code HttpClient} cost the bench about 1 ms of CPU per request on
 * this 2-core machine, more than the ledger spent answering a balance read, so the load generator
 * took the CPU the ledger was being measured on (docs/PERFORMANCE.md, "The bench's own client").
 * This one writes the request and reads the answer on the calling thread, nothing else.
 *
 * <p>It speaks only what the ledger needs: {@code http:} URIs, GET and POST with a body, answers
 * with {@code Content-Length}, chunked bodies, or none for 204 and 304; {@code Connection: close}
 * is honoured. A connection taken from the pool that turns out to have been closed by the server
 * before any byte of the answer arrived is replaced once by a new one, as HTTP clients do: almost
 * always the server had closed it idle and never saw the request. A server that died after
 * reading it would see it twice; the bench's money movements carry Idempotency-Keys for that.
 */
final class Http11 {

    private static final int MAX_LINE = 16 * 1024;

    private final InetSocketAddress address;
    private final String host;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    /** A status and its body. */
    record Answer(int status, byte[] body) {
    }

    Http11(URI base, Duration connectTimeout, Duration readTimeout) {
        if (!"http".equalsIgnoreCase(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException("the bench speaks plain HTTP to a host: " + base);
        }
        int port = base.getPort() == -1 ? 80 : base.getPort();
        this.address = new InetSocketAddress(base.getHost(), port);
        this.host = base.getHost() + (base.getPort() == -1 ? "" : ":" + port);
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
    }

    /**
     * Sends one request and reads its answer.
     *
     * @param target  the path and query, starting with {@code /}
     * @param headers sent as given; Host, Content-Length and Connection are added here
     * @param body    null for none
     */
    Answer exchange(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        byte[] request = encode(method, target, headers, body);
        Connection pooled = idle.pollFirst();
        if (pooled != null) {
            try {
                return exchange(pooled, request);
            } catch (StaleConnectionException closedIdle) {
                pooled.close();
            }
        }
        return exchange(open(), request);
    }

    /** Closes the idle connections; connections in use close when their request ends. */
    void close() {
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            c.close();
        }
    }

    private Answer exchange(Connection connection, byte[] request) throws IOException {
        boolean keep = false;
        try {
            try {
                connection.out.write(request);
                connection.out.flush();
            } catch (SocketException closed) {
                if (connection.reused) {
                    throw new StaleConnectionException(closed);
                }
                throw closed;
            }
            Response response = readResponse(connection.in, connection.reused);
            keep = response.keepAlive();
            return new Answer(response.status(), response.body());
        } finally {
            if (keep) {
                connection.reused = true;
                idle.offerFirst(connection);
            } else {
                connection.close();
            }
        }
    }

    private Connection open() throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, connectTimeoutMillis);
            socket.setSoTimeout(readTimeoutMillis);
            return new Connection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private byte[] encode(String method, String target, Map<String, String> headers, byte[] body) {
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("a request target starts with /: " + target);
        }
        StringBuilder head = new StringBuilder(256)
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        if (body == null) {
            return start;
        }
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    private record Response(int status, byte[] body, boolean keepAlive) {
    }

    private static Response readResponse(InputStream in, boolean reused) throws IOException {
        String statusLine = readLine(in, reused);
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = parseStatus(statusLine);
        long contentLength = -1;
        boolean chunked = false;
        boolean close = statusLine.startsWith("HTTP/1.0");
        for (String line = readLine(in, false); !line.isEmpty(); line = readLine(in, false)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] body;
        if (status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if (chunked) {
            body = readChunked(in);
        } else if (contentLength >= 0) {
            body = in.readNBytes(Math.toIntExact(contentLength));
            if (body.length != contentLength) {
                throw new EOFException("the answer ended before its Content-Length");
            }
        } else {
            body = in.readAllBytes();
            close = true;
        }
        return new Response(status, body, !close);
    }

    private static int parseStatus(String statusLine) throws IOException {
        try {
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("no status code in: " + statusLine);
        }
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, false);
            int extension = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk size: " + sizeLine);
            }
            if (size == 0) {
                while (!readLine(in, false).isEmpty()) {
                    // trailer fields: none expected, skipped
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size) {
                throw new EOFException("the answer ended inside a chunk");
            }
            body.write(chunk);
            if (!readLine(in, false).isEmpty()) {
                throw new IOException("a chunk did not end with CRLF");
            }
        }
    }

    /**
     * One line without its CRLF, as ISO-8859-1 (header values are ASCII here).
     *
     * @param staleIfEmpty true for the first line on a reused connection: an end of stream before
     *                     any byte means the server had closed it while it was idle
     */
    private static String readLine(InputStream in, boolean staleIfEmpty) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketException reset) {
                if (staleIfEmpty && line.isEmpty()) {
                    throw new StaleConnectionException(reset);
                }
                throw reset;
            }
            if (b == -1) {
                if (staleIfEmpty && line.isEmpty()) {
                    throw new StaleConnectionException(null);
                }
                throw new EOFException("the connection closed inside the answer");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("a line of the answer is longer than " + MAX_LINE + " bytes");
            }
            line.append((char) b);
        }
    }

    /** A pooled connection the server had closed while idle; the request can go on a new one. */
    private static final class StaleConnectionException extends IOException {
        StaleConnectionException(Throwable cause) {
            super("the server had closed the idle connection", cause);
        }
    }

    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        boolean reused;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = socket.getOutputStream();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection we no longer use; nothing to do about it
            }
        }
    }
}

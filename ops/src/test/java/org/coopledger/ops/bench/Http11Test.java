package org.coopledger.ops.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Http11Test {

    private final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    private Http11 client(int port) {
        return new Http11(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** The JDK's server: a fixed length when the length is known, chunked when it is not. */
    private int jdkServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", exchange -> {
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    out.write(("part-" + i + ";").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.createContext("/echo", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            String echoed = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Idempotency-Key") + " " + new String(in, StandardCharsets.UTF_8);
            byte[] body = echoed.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/empty", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        servers.add(() -> server.stop(0));
        return server.getAddress().getPort();
    }

    /**
     * A server that answers each request with {@code answer.apply(n)} (n counts requests from 1)
     * and then keeps the connection or closes it as the answer's last line says.
     */
    private int scriptedServer(AtomicInteger connections, Function<Integer, String> answer) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        servers.add(listener);
        AtomicInteger requests = new AtomicInteger();
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    connections.incrementAndGet();
                    Thread serve = new Thread(() -> serve(socket, requests, answer));
                    serve.setDaemon(true);
                    serve.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return listener.getLocalPort();
    }

    private static void serve(Socket socket, AtomicInteger requests, Function<Integer, String> answer) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            while (true) {
                String line = in.readLine();
                if (line == null) {
                    return;
                }
                while (!line.isEmpty()) {
                    line = in.readLine();
                }
                String reply = answer.apply(requests.incrementAndGet());
                boolean hangUp = reply.endsWith("#close");
                socket.getOutputStream().write(reply.replace("#close", "").getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                if (hangUp) {
                    return;
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static String ok(String body) {
        return "HTTP/1.1 200 \r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    @Test
    void readsAStatusAndAFixedLengthBody() throws IOException {
        Http11.Answer answer = client(jdkServer()).exchange("GET", "/fixed", Map.of(), null);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
    }

    @Test
    void readsAChunkedBody() throws IOException {
        Http11.Answer answer = client(jdkServer()).exchange("GET", "/chunked", Map.of(), null);

        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            expected.append("part-").append(i).append(';');
        }
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @Test
    void sendsTheMethodTargetHeadersAndBody() throws IOException {
        Http11.Answer answer = client(jdkServer()).exchange("POST", "/echo?x=1", Map.of("Idempotency-Key", "k-1"),
                "{\"amount\":\"1.00\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("POST /echo?x=1 k-1 {\"amount\":\"1.00\"}");
    }

    @Test
    void aNoContentAnswerHasAnEmptyBodyAndTheConnectionIsReused() throws IOException {
        Http11 http = client(jdkServer());
        assertThat(http.exchange("GET", "/empty", Map.of(), null).body()).isEmpty();
        assertThat(http.exchange("GET", "/fixed", Map.of(), null).status()).isEqualTo(201);
    }

    @Test
    void requestsInSequenceShareOneKeepAliveConnection() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        Http11 http = client(scriptedServer(connections, n -> ok("answer " + n)));

        for (int i = 1; i <= 5; i++) {
            assertThat(new String(http.exchange("GET", "/", Map.of(), null).body(), StandardCharsets.UTF_8))
                    .isEqualTo("answer " + i);
        }
        assertThat(connections.get()).isEqualTo(1);
    }

    @Test
    void connectionCloseIsHonouredAndTheNextRequestOpensANewConnection() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        Http11 http = client(scriptedServer(connections,
                n -> "HTTP/1.1 200 \r\nConnection: close\r\nContent-Length: 2\r\n\r\nok#close"));

        http.exchange("GET", "/", Map.of(), null);
        http.exchange("GET", "/", Map.of(), null);
        assertThat(connections.get()).isEqualTo(2);
    }

    @Test
    void anIdleConnectionTheServerClosedIsReplacedOnce() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        // Closes after each answer without saying so, as a server does when an idle connection times out.
        Http11 http = client(scriptedServer(connections, n -> ok("answer " + n) + "#close"));

        http.exchange("GET", "/", Map.of(), null);
        Http11.Answer second = http.exchange("GET", "/", Map.of(), null);

        assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("answer 2");
        assertThat(connections.get()).isEqualTo(2);
    }

    @Test
    void aFreshConnectionClosedBeforeTheAnswerIsAnError() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        Http11 http = client(scriptedServer(connections, n -> "#close"));

        assertThatThrownBy(() -> http.exchange("POST", "/", Map.of(), new byte[]{1})).isInstanceOf(IOException.class);
    }

    @Test
    void anAnswerCutShortIsAnError() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        Http11 http = client(scriptedServer(connections, n -> "HTTP/1.1 200 \r\nContent-Length: 10\r\n\r\nabc#close"));

        assertThatThrownBy(() -> http.exchange("GET", "/", Map.of(), null)).isInstanceOf(IOException.class);
    }

    @Test
    void aRefusedConnectionIsAnError() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        Http11 http = client(port);
        assertThatThrownBy(() -> http.exchange("GET", "/", Map.of(), null)).isInstanceOf(IOException.class);
    }
}

package org.coopledger.ops.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The load client against a stand-in ledger on loopback that answers balance reads slowly. */
class LoadClientTest {

    private HttpServer ledger;
    private volatile long answerMillis;

    @BeforeEach
    void start() throws IOException {
        ledger = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ledger.setExecutor(Executors.newFixedThreadPool(4));
        ledger.createContext("/", exchange -> {
            sleep(answerMillis);
            byte[] body = "{\"balance\":{\"amount\":\"1.00\",\"currency\":\"USD\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ledger.start();
    }

    @AfterEach
    void stop() {
        ledger.stop(0);
    }

    @Test
    void anOpenLoopClientSlowerThanItsRateCountsTheOperationsItNeverSentAsErrors() {
        answerMillis = 100;
        OperationStats stats = runOneClient(200, 1_500_000_000L);

        // Due in the 1.5 s window: ~300 reads; answered at most ~15 at 100 ms each.
        assertThat(stats.errors()).containsKey(OperationStats.NOT_SENT);
        assertThat(stats.errors().get(OperationStats.NOT_SENT)).isGreaterThan(200);
        assertThat(stats.succeeded(OperationKind.BALANCE)).isLessThan(30);
    }

    @Test
    void anOpenLoopClientThatKeepsItsRateSendsEverythingDue() {
        answerMillis = 0;
        OperationStats stats = runOneClient(10, 2_000_000_000L);

        assertThat(stats.errors()).isEmpty();
        assertThat(stats.succeeded(OperationKind.BALANCE)).isBetween(19L, 20L);
    }

    private OperationStats runOneClient(double ratePerSecond, long windowNanos) {
        LedgerHttp http = LedgerHttp.connect(URI.create("http://127.0.0.1:" + ledger.getAddress().getPort()))
                .as("teller", "secret");
        warmUp(http);
        long start = System.nanoTime();
        Pacer pacer = new Pacer(start, 1, ratePerSecond);
        LoadClient client = new LoadClient(0, http, OperationMix.only(OperationKind.BALANCE),
                new Requests(List.of("a-1", "a-2")), pacer, start, start + windowNanos);
        client.run();
        return client.stats();
    }

    /** The first request of a new HTTP client sets up its machinery; not what the schedule measures. */
    private static void warmUp(LedgerHttp http) {
        try {
            http.get("/warm-up");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

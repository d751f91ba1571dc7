package org.coopledger.ops.crash;

import org.coopledger.ops.bench.LedgerHttp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load side of the crash test: a teller, one fresh account per client, then each client
 * posts deposits with a unique Idempotency-Key in a closed loop for the whole duration, logging
 * each request before sending it and its answer after. It keeps going while the ledger is
 * down (answers -1), so the log also holds requests that never reached it.
 */
public final class CrashLoad {

    static final String CURRENCY = "JOD";
    private static final String[] AMOUNTS = {"1.000", "2.500", "0.125", "10.000", "7.750"};

    private final LedgerHttp admin;
    private final String teller;
    private final String tellerPassword;

    public CrashLoad(LedgerHttp admin, String teller, String tellerPassword) {
        this.admin = admin;
        this.teller = teller;
        this.tellerPassword = tellerPassword;
    }

    /** Runs the load; answers the number of requests sent. */
    public int run(Path logFile, int clients, Duration duration) throws IOException, InterruptedException {
        LedgerHttp.Reply user = admin.post("/api/v1/users", "{\"username\":\"" + teller + "\",\"password\":\""
                + tellerPassword + "\",\"roles\":[\"TELLER\"]}", null);
        if (!user.ok()) {
            throw new IllegalStateException("could not create the teller: " + user.status() + " " + user.problemCode());
        }
        LedgerHttp http = admin.as(teller, tellerPassword);
        AtomicInteger sent = new AtomicInteger();
        try (CrashLog log = CrashLog.create(logFile)) {
            List<String> accounts = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String account = openAccount(http, i);
                accounts.add(account);
                log.account(account);
            }
            long end = System.nanoTime() + duration.toNanos();
            ExecutorService threads = Executors.newFixedThreadPool(clients);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String account = accounts.get(i);
                int client = i;
                running.add(threads.submit(() -> {
                    for (long n = 0; System.nanoTime() < end; n++) {
                        String key = "crash-" + client + "-" + n + "-" + UUID.randomUUID();
                        String amount = AMOUNTS[(int) (n % AMOUNTS.length)];
                        log.sent(key, account, amount);
                        sent.incrementAndGet();
                        Deposit.Answer answer = Deposit.send(http, account, amount, key);
                        log.answer(key, answer.status(), answer.transactionId());
                        if (!answer.acknowledged()) {
                            Thread.sleep(200); // down or refusing: do not spin
                        }
                    }
                    return null;
                }));
            }
            threads.shutdown();
            for (Future<?> client : running) {
                try {
                    client.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a load client failed", e.getCause());
                }
            }
            threads.awaitTermination(1, TimeUnit.MINUTES);
        }
        return sent.get();
    }

    private static String openAccount(LedgerHttp teller, int n) throws IOException, InterruptedException {
        LedgerHttp.Reply member = teller.post("/api/v1/members", """
                {"legalName":"Crash Member %d","dateOfBirth":"1990-01-01","gender":"FEMALE","phone":"+962790000000",
                 "countryOfOrigin":"SD","address":"Amman","segment":"REFUGEE","document":{"type":"NONE_YET"},
                 "branch":"CRASH"}""".formatted(n), null);
        require(member, "registering a member");
        LedgerHttp.Reply account = teller.post("/api/v1/savings-accounts",
                "{\"memberId\":\"" + member.text("memberId") + "\",\"currency\":\"" + CURRENCY + "\"}", null);
        require(account, "opening an account");
        return account.text("accountId");
    }

    private static void require(LedgerHttp.Reply reply, String what) {
        if (!reply.ok()) {
            throw new IllegalStateException(what + " failed: " + reply.status() + " " + reply.problemCode());
        }
    }
}

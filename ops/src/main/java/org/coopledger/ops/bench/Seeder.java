package org.coopledger.ops.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prepares a ledger over its own API, as a cooperative would: a teller user, then members each
 * with a USD savings account funded by one large deposit. Names are random, so seeding the same
 * ledger twice never collides.
 */
final class Seeder {

    /** Large against the 1.00–100.00 movements, so withdrawals are rarely refused. */
    static final String FUNDING = "1000000.00";
    static final long PROJECTION_WAIT_MILLIS = 60_000;

    private Seeder() {
    }

    /** The teller created, logged in, and the funded account ids. */
    record Seeded(LedgerHttp teller, List<String> accountIds) {
    }

    static Seeded seed(LedgerHttp admin, int accounts, int parallelism) {
        try {
            String username = "bench-teller-" + UUID.randomUUID().toString().substring(0, 8);
            String password = UUID.randomUUID().toString();
            LedgerHttp.Reply user = admin.post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\""
                    + password + "\",\"roles\":[\"TELLER\"]}", null);
            require(user, "creating the bench teller (is the admin password right?)");
            LedgerHttp teller = admin.as(username, password);
            List<String> ids = fundedAccounts(teller, accounts, parallelism);
            for (String id : ids) {
                awaitProjection(teller, id);
            }
            return new Seeded(teller, ids);
        } catch (IOException e) {
            throw new IllegalStateException("seeding failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("seeding interrupted", e);
        }
    }

    private static List<String> fundedAccounts(LedgerHttp teller, int accounts, int parallelism)
            throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, accounts)),
                LoadRun.named("bench-seed"));
        try {
            List<Future<String>> opened = new ArrayList<>();
            for (int i = 0; i < accounts; i++) {
                int n = i;
                opened.add(threads.submit(() -> fundedAccount(teller, n)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> account : opened) {
                ids.add(account.get());
            }
            return Collections.unmodifiableList(ids);
        } catch (ExecutionException e) {
            throw new IllegalStateException("seeding failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    private static String fundedAccount(LedgerHttp teller, int n) throws IOException, InterruptedException {
        LedgerHttp.Reply member = teller.post("/api/v1/members", """
                {"legalName":"Bench Member %d","dateOfBirth":"1990-01-01","gender":"FEMALE","phone":"+962790000000",
                 "countryOfOrigin":"SD","address":"Amman","segment":"REFUGEE","document":{"type":"NONE_YET"},
                 "branch":"BENCH"}""".formatted(n), null);
        require(member, "registering a member");
        LedgerHttp.Reply account = teller.post("/api/v1/savings-accounts",
                "{\"memberId\":\"" + member.text("memberId") + "\",\"currency\":\"" + Requests.CURRENCY + "\"}", null);
        require(account, "opening an account");
        String accountId = account.text("accountId");
        LedgerHttp.Reply deposit = teller.post("/api/v1/savings-accounts/" + accountId + "/deposits",
                "{\"amount\":" + Requests.money(FUNDING) + "}", "bench-seed-" + UUID.randomUUID());
        require(deposit, "funding an account");
        return accountId;
    }

    /** Reads go to projections; measuring before they know the accounts would count 404s. */
    private static void awaitProjection(LedgerHttp teller, String accountId) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + PROJECTION_WAIT_MILLIS;
        while (!teller.get("/api/v1/savings-accounts/" + accountId + "/balance").ok()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("account " + accountId + " did not reach the projections within "
                        + PROJECTION_WAIT_MILLIS + " ms");
            }
            Thread.sleep(50);
        }
    }

    private static void require(LedgerHttp.Reply reply, String what) {
        if (!reply.ok()) {
            throw new IllegalStateException(what + " answered " + reply.status() + " " + reply.problemCode());
        }
    }
}

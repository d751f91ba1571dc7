package org.coopledger.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.problem.ApiErrorCode;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.coopledger.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.api.walkthrough.Cooperative.money;
import static org.awaitility.Awaitility.await;

/**
 * Thousands of malformed and hostile requests (see {@link HostileRequests}) against a seeded
 * ledger: none may answer 5xx, every refusal is problem+json with a code from the stable set
 * and the status that code stands for, no request that writes may succeed, and the ledger
 * (events, balances, journal, trial balance, users) is identical afterwards. The seed is
 * printed; {@code -Dfuzz.seed=N} replays a run, {@code -Dfuzz.seed=random} explores a new one
 * (CI uses the fixed default, so its result is reproducible), {@code -Dfuzz.requests=N} changes its length.
 */
class ApiFuzzTest extends IntegrationTest {

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3_000);
    private static final long DEFAULT_SEED = 20_261_129L;
    private static final int MAX_REPORTED = 25;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hostileRequestsAreRefusedWithStableProblemsAndChangeNothing() {
        // A fixed default seed keeps CI reproducible; exploring new seeds is a local run with -Dfuzz.seed=random.
        long seed = "random".equals(System.getProperty("fuzz.seed")) ? System.nanoTime()
                : Long.getLong("fuzz.seed", DEFAULT_SEED);
        System.out.println("API fuzz seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Cooperative coop = new Cooperative(port, jdbc);
        LedgerClient manager = coop.newStaff("MANAGER");
        HostileRequests.Fixture fixture = seed(coop, manager);
        LedgerSnapshot before = settledSnapshot(manager);

        HostileRequests requests = new HostileRequests(new Random(seed), fixture);
        Map<String, Integer> answers = new TreeMap<>();
        // One example per kind of failure (what was sent, what came back), so that a single
        // bug does not hide the others.
        Map<String, String> failures = new java.util.LinkedHashMap<>();
        int failed = 0;
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            FuzzRequest request = requests.next();
            String failure = check(request, answers);
            if (failure != null) {
                failed++;
                String kind = request.label().replaceAll(" as [A-Z]+$", "") + " | "
                        + failure.substring(0, Math.min(40, failure.length()));
                if (failures.size() < MAX_REPORTED) {
                    failures.putIfAbsent(kind, "#" + i + " " + failure);
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("API fuzz: " + REQUESTS + " requests in " + millis + " ms; answers " + answers);

        assertThat(failures.values()).as("requests answered wrongly (%d in all, seed %d)", failed, seed).isEmpty();
        // Let a projection that was wrongly fed catch up before comparing.
        await().pollDelay(java.time.Duration.ofMillis(800)).atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(snapshot(manager)).as("seed %d", seed).isEqualTo(before));
    }

    /** Sends one request and answers why its answer is wrong, or null. */
    private String check(FuzzRequest request, Map<String, Integer> answers) {
        FuzzRequest.Answer answer;
        try {
            answer = request.send(port);
        } catch (UncheckedIOException e) {
            answers.merge("connection failed", 1, Integer::sum);
            return "no answer (" + e.getCause() + ") to " + request.describe();
        }
        String code = "";
        int status = answer.status();
        if (status >= 400) {
            code = problemCode(answer);
        }
        answers.merge(status + (code.isEmpty() ? "" : " " + code), 1, Integer::sum);
        if (status >= 500) {
            return "server error " + answer.status() + " " + cut(answer.body()) + " to " + request.describe();
        }
        if (request.write() && status < 400) {
            return "a hostile write was accepted: " + status + " " + cut(answer.body()) + " to " + request.describe();
        }
        if (status >= 400 && !"HEAD".equals(request.method())) {
            String problem = problemFailure(answer);
            if (problem != null) {
                return problem + " in " + answer.status() + " " + cut(answer.body()) + " to " + request.describe();
            }
        }
        return null;
    }

    private static String problemCode(FuzzRequest.Answer answer) {
        try {
            return LedgerClient.json().readTree(answer.body()).path("code").asText();
        } catch (Exception notJson) {
            return "<not json>";
        }
    }

    /** Why the answer is no proper problem: content type, JSON, a stable code, and the status that code means. */
    private static String problemFailure(FuzzRequest.Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            return "content type '" + answer.contentType() + "' is not application/problem+json";
        }
        JsonNode body;
        try {
            body = LedgerClient.json().readTree(answer.body());
        } catch (Exception e) {
            return "body is not JSON";
        }
        String code = body.path("code").asText();
        Integer expected = STABLE_CODES.get(code);
        if (expected == null) {
            return "code '" + code + "' is not a stable code";
        }
        if (expected != answer.status() || body.path("status").asInt() != answer.status()) {
            return "status " + answer.status() + " does not match code " + code;
        }
        return null;
    }

    /** Every stable code with the status it answers. */
    private static final Map<String, Integer> STABLE_CODES = stableCodes();

    private static Map<String, Integer> stableCodes() {
        Map<String, Integer> codes = new HashMap<>();
        for (ErrorCode code : ErrorCode.values()) {
            codes.put(code.name(), switch (code.kind()) {
                case INVALID -> 400;
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case REJECTED -> 422;
            });
        }
        Arrays.stream(ApiErrorCode.values()).forEach(code -> codes.put(code.name(), code.status().value()));
        return codes;
    }

    // ------------------------------------------------------------------ the seeded ledger

    private HostileRequests.Fixture seed(Cooperative coop, LedgerClient manager) {
        LedgerClient admin = coop.admin();
        LedgerClient teller = coop.newStaff("TELLER");
        LedgerClient auditor = coop.newStaff("AUDITOR");
        String memberA = coop.registerMember(teller);
        String memberB = coop.registerMember(teller);
        String accountAJod = coop.fundedAccount(teller, memberA, "100.000", "JOD");
        String accountAUsd = coop.fundedAccount(teller, memberA, "50.00", "USD");
        String accountBJod = coop.fundedAccount(teller, memberB, "80.000", "JOD");
        teller.post("/api/v1/savings-accounts/" + accountAJod + "/holds",
                Map.of("holdId", "fuzz-held", "amount", money("10.000", "JOD"), "reason", "guarantee")).hasStatus(201);
        String productCode = "FUZZ-" + Cooperative.shortId().toUpperCase();
        admin.post("/api/v1/savings-products", Map.of("productCode", productCode, "name", "Fuzz savings",
                "minimumBalance", money("5.00", "USD"))).hasStatus(201);
        LedgerClient member = coop.newMemberUser(memberA);
        LedgerClient guessed = coop.newStaff("TELLER");
        Map<String, String> auth = new HashMap<>();
        Stream.of(admin, teller, manager, auditor, member).forEach(client ->
                auth.put(roleOf(client), HostileRequests.basic(client.username(), client.password())));
        Cooperative.awaitBalance(teller, accountAJod, "100.000");
        Cooperative.awaitBalance(teller, accountAUsd, "50.00");
        Cooperative.awaitBalance(teller, accountBJod, "80.000");
        return new HostileRequests.Fixture(auth, memberA, memberB, accountAJod, accountAUsd, accountBJod,
                "fuzz-held", productCode, guessed.username());
    }

    private static String roleOf(LedgerClient client) {
        String name = client.username();
        if ("admin".equals(name)) {
            return "ADMIN";
        }
        return name.substring(0, name.indexOf('-')).toUpperCase();
    }

    /** The snapshot once two readings a moment apart agree, i.e. the projections have settled. */
    private LedgerSnapshot settledSnapshot(LedgerClient manager) {
        List<LedgerSnapshot> last = new ArrayList<>();
        await().atMost(java.time.Duration.ofSeconds(15)).pollInterval(java.time.Duration.ofMillis(300)).until(() -> {
            LedgerSnapshot now = snapshot(manager);
            boolean settled = !last.isEmpty() && last.get(last.size() - 1).equals(now);
            last.add(now);
            return settled;
        });
        return last.get(last.size() - 1);
    }

    private LedgerSnapshot snapshot(LedgerClient manager) {
        String trialBalance = manager.get("/api/v1/reports/trial-balance").hasStatus(200).body();
        return LedgerSnapshot.take(jdbc, trialBalance);
    }

    private static String cut(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}

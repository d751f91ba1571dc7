package org.coopledger.ops.bench;

import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The HTTP request for one operation on randomly chosen seeded accounts. Amounts are small
 * against the seeded funding, so insufficient funds stays rare but possible.
 */
final class Requests {

    static final String CURRENCY = "USD";
    /** Cash amounts of 1.00 to 100.00, in cents. */
    static final int MIN_CENTS = 100;
    static final int MAX_CENTS = 10_000;

    /** One request as sent; {@code key} is null for reads and stays the same across retries. */
    record Request(OperationKind kind, String path, String json, String key) {
        boolean post() {
            return json != null;
        }
    }

    private final List<String> accountIds;

    Requests(List<String> accountIds) {
        if (accountIds.size() < 2) {
            throw new IllegalArgumentException("transfers need at least two accounts");
        }
        this.accountIds = List.copyOf(accountIds);
    }

    Request next(OperationKind kind, RandomGenerator random) {
        String account = account(random);
        String accountPath = "/api/v1/savings-accounts/" + account;
        return switch (kind) {
            case DEPOSIT -> new Request(kind, accountPath + "/deposits", cash(random), newKey());
            case WITHDRAWAL -> new Request(kind, accountPath + "/withdrawals", cash(random), newKey());
            case TRANSFER -> new Request(kind, "/api/v1/transfers", transfer(account, otherThan(account, random), random), newKey());
            case BALANCE -> new Request(kind, accountPath + "/balance", null, null);
            case STATEMENT -> new Request(kind, accountPath + "/transactions", null, null);
            case HTTP_FLOOR -> new Request(kind, "/actuator/health", null, null);
        };
    }

    static String amount(int cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }

    static String money(String amount) {
        return "{\"amount\":\"" + amount + "\",\"currency\":\"" + CURRENCY + "\"}";
    }

    private static String cash(RandomGenerator random) {
        return "{\"amount\":" + money(amount(random.nextInt(MIN_CENTS, MAX_CENTS + 1))) + ",\"tillId\":\"BENCH-TILL\"}";
    }

    private static String transfer(String from, String to, RandomGenerator random) {
        return "{\"fromAccountId\":\"" + from + "\",\"toAccountId\":\"" + to + "\",\"amount\":"
                + money(amount(random.nextInt(MIN_CENTS, MAX_CENTS + 1))) + "}";
    }

    private String account(RandomGenerator random) {
        return accountIds.get(random.nextInt(accountIds.size()));
    }

    private String otherThan(String account, RandomGenerator random) {
        String other = account(random);
        while (other.equals(account)) {
            other = account(random);
        }
        return other;
    }

    private static String newKey() {
        return "bench-" + UUID.randomUUID();
    }
}

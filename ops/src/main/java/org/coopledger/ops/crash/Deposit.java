package org.coopledger.ops.crash;

import org.coopledger.ops.bench.LedgerHttp;

import java.io.IOException;

/** One deposit over HTTP as the crash test sends it; a failed connection is an answer too (-1). */
final class Deposit {

    record Answer(int status, String transactionId) {
        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private Deposit() {
    }

    static String body(String amount) {
        return "{\"amount\":{\"amount\":\"" + amount + "\",\"currency\":\"" + CrashLoad.CURRENCY + "\"}}";
    }

    static Answer send(LedgerHttp teller, String accountId, String amount, String key) throws InterruptedException {
        try {
            LedgerHttp.Reply reply = teller.post("/api/v1/savings-accounts/" + accountId + "/deposits", body(amount), key);
            return new Answer(reply.status(), reply.ok() ? reply.text("transactionId") : null);
        } catch (IOException | RuntimeException noAnswer) {
            return new Answer(-1, null);
        }
    }
}

package org.coopledger.ops.crash;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The crash test's record of what a client sent and what it was told, one tab-separated line
 * per fact, written and flushed before and after each request, so that it survives whatever
 * happens to the ledger:
 * <pre>
 * ACCOUNT  accountId
 * SENT     key  accountId  amount
 * ANSWER   key  status  transactionId|-      (status -1: no answer, the connection failed)
 * </pre>
 */
final class CrashLog implements AutoCloseable {

    /** One request as the log knows it: what was sent and the last answer it got. */
    static final class Entry {
        final String key;
        final String accountId;
        final String amount;
        int status = -1;
        String transactionId;

        Entry(String key, String accountId, String amount) {
            this.key = key;
            this.accountId = accountId;
            this.amount = amount;
        }

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    /** What a log holds: the accounts under load and every request by key, in sending order. */
    record Contents(List<String> accounts, Map<String, Entry> requests) {
    }

    private final BufferedWriter out;

    private CrashLog(BufferedWriter out) {
        this.out = out;
    }

    static CrashLog create(Path file) throws IOException {
        return new CrashLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
    }

    void account(String accountId) {
        line("ACCOUNT\t" + accountId);
    }

    void sent(String key, String accountId, String amount) {
        line("SENT\t" + key + "\t" + accountId + "\t" + amount);
    }

    void answer(String key, int status, String transactionId) {
        line("ANSWER\t" + key + "\t" + status + "\t" + (transactionId == null ? "-" : transactionId));
    }

    private synchronized void line(String text) {
        try {
            out.write(text);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the crash log", e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Reads a log; a last line cut off by a crash of the writer is ignored. */
    static Contents read(Path file) throws IOException {
        List<String> accounts = new ArrayList<>();
        Map<String, Entry> requests = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            switch (f[0]) {
                case "ACCOUNT" -> accounts.add(f[1]);
                case "SENT" -> {
                    if (f.length == 4) {
                        requests.put(f[1], new Entry(f[1], f[2], f[3]));
                    }
                }
                case "ANSWER" -> {
                    Entry entry = f.length == 4 ? requests.get(f[1]) : null;
                    if (entry != null) {
                        entry.status = Integer.parseInt(f[2]);
                        entry.transactionId = "-".equals(f[3]) ? null : f[3];
                    }
                }
                default -> {
                    // blank or cut-off line
                }
            }
        }
        return new Contents(accounts, requests);
    }
}

package org.coopledger.ops.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The crash log is read back as the client left it, including a line cut off by a crash. */
class CrashLogTest {

    @TempDir
    Path dir;

    @Test
    void eachKeyKeepsWhatWasSentAndItsLastAnswer() throws Exception {
        Path file = dir.resolve("requests.tsv");
        try (CrashLog log = CrashLog.create(file)) {
            log.account("acc-1");
            log.sent("k1", "acc-1", "1.000");
            log.answer("k1", 201, "tx-1");
            log.sent("k2", "acc-1", "2.500");
            log.answer("k2", -1, null);
            log.sent("k3", "acc-1", "0.125");
        }
        Files.writeString(file, "ANSWER\tk3\t20", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        CrashLog.Contents contents = CrashLog.read(file);

        assertThat(contents.accounts()).containsExactly("acc-1");
        assertThat(contents.requests()).containsOnlyKeys("k1", "k2", "k3");
        CrashLog.Entry acknowledged = contents.requests().get("k1");
        assertThat(acknowledged.acknowledged()).isTrue();
        assertThat(acknowledged.transactionId).isEqualTo("tx-1");
        assertThat(contents.requests().get("k2").acknowledged()).isFalse();
        assertThat(contents.requests().get("k2").transactionId).isNull();
        CrashLog.Entry cutOff = contents.requests().get("k3");
        assertThat(cutOff.acknowledged()).isFalse();
        assertThat(cutOff.amount).isEqualTo("0.125");
    }
}

package org.coopledger.ops.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An in-process ledger that fails to start leaves no data folder behind. */
class LedgerUnderTestTest {

    @Test
    void aFailedStartRemovesItsTemporaryDataFolder() throws IOException {
        Set<Path> before = benchFolders();

        // Refused while the application context starts, after the data folder exists.
        assertThatThrownBy(() -> LedgerUnderTest.startInProcess(List.of("ledger.projections.batch-size=0")))
                .hasStackTraceContaining("ledger.projections.batch-size must be positive");

        assertThat(benchFolders()).isSubsetOf(before);
    }

    private static Set<Path> benchFolders() throws IOException {
        try (Stream<Path> paths = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return paths.filter(path -> path.getFileName().toString().startsWith("coopledger-bench-"))
                    .collect(Collectors.toSet());
        }
    }
}

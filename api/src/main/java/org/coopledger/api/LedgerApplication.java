package org.coopledger.api;

import org.coopledger.core.LedgerCoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The coopledger server: HTTP API, write side and projections in one process. */
@SpringBootApplication
@Import(LedgerCoreConfiguration.class)
public class LedgerApplication {

    public static void main(String[] args) {
        // Axon's update checker reads this system property even outside Spring; the ledger
        // holds refugees' data and contacts no outside host (see application.yml too).
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(LedgerApplication.class, args);
    }
}

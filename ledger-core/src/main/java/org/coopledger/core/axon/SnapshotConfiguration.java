package org.coopledger.core.axon;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Snapshots of savings accounts in {@code snapshot_event_entry}, one every
 * {@code ledger.snapshots.savings-account-events} events (0 turns them off). While an account
 * is in the aggregate cache nothing is rebuilt; a snapshot bounds what its first command after a
 * restart or an eviction reads, which otherwise is the account's whole history.
 *
 * <p>A snapshot is only a shortcut: it may be deleted at any time, and one that cannot be read
 * (the account's fields changed) makes Axon read the full history instead.
 */
@Configuration(proxyBeanMethods = false)
public class SnapshotConfiguration {

    /** Bean name used by the aggregate's annotation. */
    public static final String SAVINGS_ACCOUNT_TRIGGER = "savingsAccountSnapshotTrigger";

    @Bean(SAVINGS_ACCOUNT_TRIGGER)
    public SnapshotTriggerDefinition savingsAccountSnapshotTrigger(
            @Lazy Snapshotter snapshotter,
            @Value("${ledger.snapshots.savings-account-events:100}") int threshold) {
        if (threshold <= 0) {
            return NoSnapshotTriggerDefinition.INSTANCE;
        }
        return new EventCountSnapshotTriggerDefinition(new BackgroundSnapshotter(snapshotter), threshold);
    }
}

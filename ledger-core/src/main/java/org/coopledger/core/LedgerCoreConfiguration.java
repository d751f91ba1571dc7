package org.coopledger.core;

import org.coopledger.core.axon.AggregateCacheConfiguration;
import org.coopledger.core.axon.SnapshotConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The write side for a Spring application: the aggregates and command handlers of each
 * feature. Imported explicitly by the application (it is not an auto-configuration), so that
 * what runs is visible in one place.
 */
@Configuration(proxyBeanMethods = false)
@Import({AggregateCacheConfiguration.class, SnapshotConfiguration.class})
@ComponentScan(basePackages = {"org.coopledger.core.members", "org.coopledger.core.savings",
        "org.coopledger.core.loans"})
public class LedgerCoreConfiguration {
}

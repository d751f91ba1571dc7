package org.coopledger.core.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One cache per hot aggregate type, named by its {@code @Aggregate(cache = ...)}. Without them
 * every command rebuilt its account from the account's whole history (docs/PERFORMANCE.md).
 * Separate caches, so that an id of one type can never hand a command the other type's state.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCacheConfiguration {

    /** Bean names used by the aggregates' annotations. */
    public static final String SAVINGS_ACCOUNTS = "savingsAccountCache";
    public static final String LOAN_ACCOUNTS = "loanAccountCache";

    private final long maxEntries;

    AggregateCacheConfiguration(@Value("${ledger.aggregate-cache.max-entries:10000}") long maxEntries) {
        this.maxEntries = maxEntries;
    }

    @Bean(SAVINGS_ACCOUNTS)
    public Cache savingsAccountCache() {
        return cache();
    }

    @Bean(LOAN_ACCOUNTS)
    public Cache loanAccountCache() {
        return cache();
    }

    private Cache cache() {
        return maxEntries <= 0 ? NoCache.INSTANCE : new CommittedStateCache(maxEntries);
    }
}

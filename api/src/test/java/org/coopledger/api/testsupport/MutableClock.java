package org.coopledger.api.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move forward, to reach due dates without waiting for them. Import
 * {@link Configuration} to make it the ledger's Clock bean (and so the business date); test
 * classes that share a context share the clock, so a test reads "today" from it and never
 * assumes a date, and the clock only ever moves forward.
 */
public final class MutableClock extends Clock {

    /** A Monday, far enough from any month's end that "a month later" is plain. */
    public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public MutableClock() {
        this(new AtomicReference<>(START), ZoneOffset.UTC);
    }

    /** The business date (the ledger's default zone is UTC). */
    public LocalDate today() {
        return LocalDate.ofInstant(now.get(), ZoneOffset.UTC);
    }

    /** Moves to 08:00 UTC of {@code date}; never backwards. */
    public void moveTo(LocalDate date) {
        Instant target = date.atTime(8, 0).toInstant(ZoneOffset.UTC);
        now.accumulateAndGet(target, (current, wanted) -> wanted.isAfter(current) ? wanted : current);
        if (!today().equals(date)) {
            throw new IllegalStateException("the clock is already past " + date + ": " + today());
        }
    }

    /**
     * Sets the business date to 08:00 UTC of {@code date}, backwards too. Only for a test class
     * that owns its context (and so its clock) and sets every date it books on; tests sharing a
     * context use {@link #moveTo}.
     */
    public void set(LocalDate date) {
        now.set(date.atTime(8, 0).toInstant(ZoneOffset.UTC));
    }

    public void plusDays(long days) {
        moveTo(today().plusDays(days));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        public MutableClock mutableClock() {
            return new MutableClock();
        }
    }
}

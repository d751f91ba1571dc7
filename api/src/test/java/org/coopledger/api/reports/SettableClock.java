package org.coopledger.api.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A Clock the test moves from one business date to the next (noon UTC of that date). */
final class SettableClock extends Clock {

    private volatile Instant now;

    SettableClock(LocalDate date) {
        set(date);
    }

    void set(LocalDate date) {
        now = date.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}

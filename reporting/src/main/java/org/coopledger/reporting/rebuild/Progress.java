package org.coopledger.reporting.rebuild;

/**
 * Rate and time left of a replay: the average since its start, and the events still to go at
 * that rate. Both unknown (null) until the first event is done.
 */
record Progress(Long eventsPerSecond, Long etaSeconds) {

    static Progress of(long eventsTotal, long eventsDone, long elapsedMillis) {
        if (eventsDone <= 0) {
            return new Progress(null, null);
        }
        long perSecond = eventsDone * 1000 / Math.max(1, elapsedMillis);
        if (perSecond == 0) {
            return new Progress(0L, null);
        }
        return new Progress(perSecond, Math.max(0, eventsTotal - eventsDone) / perSecond);
    }
}

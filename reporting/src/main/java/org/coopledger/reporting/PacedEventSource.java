package org.coopledger.reporting;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The event store as the projections' processor reads it, paced so that the processor's
 * coordinator never fills a segment's buffer. Axon's coordinator queues every event it reads
 * for every segment, up to 1,024 per segment, and pauses for a fixed 100 ms as soon as one is
 * full, whatever the workers do meanwhile; a replay on 2 cores drains a full buffer in about
 * 50 ms, and the workers then wait for the rest (docs/PERFORMANCE.md, "Replay, round 6").
 * <p>
 * The stream reports no event available while it has handed out {@code aheadLimit} events more
 * than the slowest segment has processed, and calls the coordinator back as soon as that segment
 * has caught up enough. Nothing is dropped or reordered: only the moment the coordinator reads on
 * changes. A segment that makes no progress for {@code maxHold} (stuck or failing) is not waited
 * for any longer: Axon's own limit applies again.
 * <p>
 * Axon's embedded event store cannot call a coordinator back, so a coordinator polls it every
 * 500 ms when it finds no event. This stream takes that over (the coordinator would otherwise
 * also poll a held-back stream only every 500 ms): it calls back every 500 ms, and at once when
 * it stops holding back.
 */
final class PacedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /**
     * Below Axon's 1,024 per segment with room to spare: the slowest segment's position moves
     * only when its batch commits, so the events of a batch in progress count as not yet processed.
     */
    static final int AHEAD_LIMIT = 768;
    static final Duration MAX_HOLD = Duration.ofSeconds(1);
    /** How often Axon's coordinator polls a store that cannot call it back. */
    static final Duration POLL = Duration.ofMillis(500);
    private static final long RECHECK_MICROS = 500;
    private static final ScheduledExecutorService CALLBACKS = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "projections-pacing");
        thread.setDaemon(true);
        return thread;
    });

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Supplier<Optional<StreamingEventProcessor>> processor;
    private final int aheadLimit;
    private final Duration maxHold;

    PacedEventSource(StreamableMessageSource<TrackedEventMessage<?>> store,
                     Supplier<Optional<StreamingEventProcessor>> processor) {
        this(store, processor, AHEAD_LIMIT, MAX_HOLD);
    }

    PacedEventSource(StreamableMessageSource<TrackedEventMessage<?>> store,
                     Supplier<Optional<StreamingEventProcessor>> processor, int aheadLimit, Duration maxHold) {
        this.store = store;
        this.processor = processor;
        this.aheadLimit = aheadLimit;
        this.maxHold = maxHold;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PacedStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    /** The lowest position the segments of this node have processed; empty when none reports one. */
    private OptionalLong slowestPosition() {
        Optional<StreamingEventProcessor> projections = processor.get();
        if (projections.isEmpty()) {
            return OptionalLong.empty();
        }
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : projections.get().processingStatus().values()) {
            OptionalLong position = status.getCurrentPosition();
            if (!status.isErrorState() && position.isPresent()) {
                slowest = Math.min(slowest, position.getAsLong());
            }
        }
        return slowest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(slowest);
    }

    /** Read by the coordinator's one thread; callbacks run on the pacing thread. */
    private final class PacedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private final AtomicBoolean recheckPending = new AtomicBoolean();
        private volatile Runnable onAvailable;
        private volatile ScheduledFuture<?> polling;
        private volatile boolean closed;
        /** Position of the last event handed out, -1 before the first. */
        private volatile long handedOut = -1;
        /** When the current hold began, or null when not holding. */
        private volatile Instant holdingSince;
        /** Events that may still be handed out before the slowest segment has to be asked again. */
        private long allowance;

        PacedStream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (allowance <= 0 && onAvailable != null && holdBack()) {
                recheckLater();
                return false;
            }
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> event = events.nextAvailable();
            OptionalLong position = event.trackingToken() == null ? OptionalLong.empty() : event.trackingToken().position();
            if (position.isPresent()) {
                allowance -= handedOut < 0 ? 1 : Math.max(1, position.getAsLong() - handedOut);
                handedOut = position.getAsLong();
            }
            return event;
        }

        /**
         * Whether the slowest segment is too far behind. A segment's position only grows, so an
         * answer of "no" lets the events up to the limit through without asking again.
         */
        private boolean holdBack() {
            long ahead = ahead();
            if (ahead < aheadLimit) {
                allowance = aheadLimit - ahead;
                holdingSince = null;
                return false;
            }
            Instant now = Instant.now();
            if (holdingSince == null) {
                holdingSince = now;
            }
            return !heldTooLong(now);
        }

        /** Events handed out beyond the slowest segment's position; 0 when there is nothing to compare. */
        private long ahead() {
            OptionalLong slowest = slowestPosition();
            return slowest.isEmpty() || handedOut < 0 ? 0 : handedOut - slowest.getAsLong();
        }

        private boolean heldTooLong(Instant now) {
            Instant since = holdingSince;
            return since != null && Duration.between(since, now).compareTo(maxHold) >= 0;
        }

        private void recheckLater() {
            if (recheckPending.compareAndSet(false, true)) {
                CALLBACKS.schedule(this::recheck, RECHECK_MICROS, TimeUnit.MICROSECONDS);
            }
        }

        /** Calls the coordinator back once the slowest segment has caught up enough, or the hold has lasted too long. */
        private void recheck() {
            if (closed) {
                recheckPending.set(false);
            } else if (ahead() < aheadLimit || heldTooLong(Instant.now())) {
                recheckPending.set(false);
                onAvailable.run();
            } else {
                CALLBACKS.schedule(this::recheck, RECHECK_MICROS, TimeUnit.MICROSECONDS);
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            onAvailable = callback;
            if (!events.setOnAvailableCallback(callback)) {
                polling = CALLBACKS.scheduleWithFixedDelay(() -> {
                    if (!closed) {
                        callback.run();
                    }
                }, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
            }
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            closed = true;
            ScheduledFuture<?> poll = polling;
            if (poll != null) {
                poll.cancel(false);
            }
            events.close();
        }
    }
}

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * Axon's embedded event store cannot call a coordinator back either, so a coordinator that finds
 * no event would look again only after 500 ms: an idle ledger showed a deposit in its balance
 * reads 20 to 490 ms after acknowledging it (docs/PERFORMANCE.md, "Read after write"). The stream
 * calls the coordinator back instead: once events this node published have committed
 * ({@link #eventsCommitted}, from {@link CommittedEventsSignal}), at most once per
 * {@link #MIN_GAP} so that a busy ledger does not make the coordinator read at the head of the
 * store all the time; every {@code poll} for the events other nodes commit; and at once when it
 * stops holding back.
 */
final class PacedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /**
     * Below Axon's 1,024 per segment with room to spare: the slowest segment's position moves
     * only when its batch commits, so the events of a batch in progress count as not yet processed.
     */
    static final int AHEAD_LIMIT = 768;
    static final Duration MAX_HOLD = Duration.ofSeconds(1);
    /**
     * How often the coordinator looks for events nobody signalled: those of other nodes
     * ({@code ledger.projections.poll-interval}). Axon's own interval for a store without callbacks.
     */
    static final Duration POLL = Duration.ofMillis(500);
    /**
     * The shortest time between two signalled call-backs. Each makes the coordinator read up to the
     * head of the store: at 50 ms, 32 clients' postings/s fell by a fifth, for a cause not found yet
     * (docs/PERFORMANCE.md, "Read after write"). At the poll's interval a busy ledger reads as
     * often as it did before, and a quiet one at once.
     */
    static final Duration MIN_GAP = Duration.ofMillis(500);
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
    private final Duration poll;
    private final Duration minGap;
    private final Set<PacedStream> open = ConcurrentHashMap.newKeySet();

    PacedEventSource(StreamableMessageSource<TrackedEventMessage<?>> store,
                     Supplier<Optional<StreamingEventProcessor>> processor, Duration poll) {
        this(store, processor, AHEAD_LIMIT, MAX_HOLD, poll, MIN_GAP);
    }

    PacedEventSource(StreamableMessageSource<TrackedEventMessage<?>> store,
                     Supplier<Optional<StreamingEventProcessor>> processor, int aheadLimit, Duration maxHold,
                     Duration poll, Duration minGap) {
        this.store = store;
        this.processor = processor;
        this.aheadLimit = aheadLimit;
        this.maxHold = maxHold;
        this.poll = poll;
        this.minGap = minGap;
    }

    /**
     * Events published on this node have committed: each open stream calls its coordinator back,
     * at once unless it did less than the minimum gap ago. Runs on the committing thread, so it
     * only schedules.
     */
    void eventsCommitted() {
        for (PacedStream stream : open) {
            stream.wakeSoon();
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        PacedStream stream = new PacedStream(store.openStream(trackingToken));
        open.add(stream);
        return stream;
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
        private final AtomicBoolean wakePending = new AtomicBoolean();
        /** System.nanoTime() of the last signalled call-back. */
        private volatile long lastWake = System.nanoTime() - minGap.toNanos();
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

        /**
         * A wake already pending covers this signal: it runs after it, so the coordinator's next
         * look at the store comes after the commit signalled.
         */
        private void wakeSoon() {
            if (onAvailable != null && wakePending.compareAndSet(false, true)) {
                long wait = Math.max(0, lastWake + minGap.toNanos() - System.nanoTime());
                CALLBACKS.schedule(this::wake, wait, TimeUnit.NANOSECONDS);
            }
        }

        /** The time is set first: a signal that finds no wake pending any more must see it, or it would not wait the gap. */
        private void wake() {
            lastWake = System.nanoTime();
            wakePending.set(false);
            if (!closed) {
                onAvailable.run();
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
                }, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
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
            open.remove(this);
            ScheduledFuture<?> poll = polling;
            if (poll != null) {
                poll.cancel(false);
            }
            events.close();
        }
    }
}

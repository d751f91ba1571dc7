package org.coopledger.reporting;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The projections' stream holds the coordinator back while the slowest segment is too far
 * behind, calls it back when that segment catches up, and never loses or reorders an event.
 */
class PacedEventSourceTest {

    private static final int LIMIT = 10;
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    /** Two segments of a processor, whose positions a test moves as their workers would. */
    private final Map<Integer, Long> positions = new LinkedHashMap<>(Map.of(0, 0L, 1, 0L));
    private final Map<Integer, Boolean> failed = new LinkedHashMap<>(Map.of(0, false, 1, false));
    private final AtomicInteger callbacks = new AtomicInteger();
    /** A store that can call the coordinator back itself, so that every callback a test sees is the pacing's. */
    private StoreStream store = new StoreStream(100, true);
    private Duration poll = PacedEventSource.POLL;
    private Duration minGap = PacedEventSource.MIN_GAP;
    private PacedEventSource source;

    @Test
    void handsOutEveryEventInOrderWhileTheSegmentsKeepUp() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = open(Duration.ofHours(1));
        List<Long> read = new ArrayList<>();

        while (stream.hasNextAvailable()) {
            read.add(position(stream.nextAvailable()));
            processedUpTo(0, read.get(read.size() - 1));
            processedUpTo(1, read.get(read.size() - 1));
        }

        assertThat(read).containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
    }

    @Test
    void reportsNoEventOnceTheLimitAheadOfTheSlowestSegment() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = open(Duration.ofHours(1));
        processedUpTo(1, 50);

        int read = 0;
        while (stream.hasNextAvailable()) {
            stream.nextAvailable();
            read++;
        }

        assertThat(read).isEqualTo(LIMIT);
        assertThat(store.left()).isEqualTo(100 - LIMIT);
    }

    @Test
    void callsTheCoordinatorBackAsSoonAsTheSlowestSegmentHasCaughtUp() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = open(Duration.ofHours(1));
        readAll(stream);
        assertThat(stream.hasNextAvailable()).isFalse();

        processedUpTo(0, 5);
        processedUpTo(1, 5);

        await().atMost(PATIENCE).until(() -> callbacks.get() > 0);
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(position(stream.nextAvailable())).isEqualTo(LIMIT + 1);
    }

    @Test
    void aSegmentThatMakesNoProgressIsWaitedForAtMostTheHold() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = open(Duration.ofMillis(200));
        readAll(stream);
        long heldAt = System.nanoTime();
        assertThat(stream.hasNextAvailable()).isFalse();

        await().atMost(PATIENCE).until(() -> callbacks.get() > 0);
        assertThat(Duration.ofNanos(System.nanoTime() - heldAt)).isGreaterThanOrEqualTo(Duration.ofMillis(150));

        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(readAll(stream)).isEqualTo(100 - LIMIT);
    }

    @Test
    void aSegmentInErrorDoesNotHoldTheOthersBack() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = open(Duration.ofHours(1));
        failed.put(0, true);
        processedUpTo(1, 100);

        assertThat(readAll(stream)).isEqualTo(100);
    }

    @Test
    void withoutAProcessorYetNothingIsHeldBack() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = new PacedEventSource(source(), Optional::empty, LIMIT,
                Duration.ofHours(1), poll, minGap).openStream(null);
        stream.setOnAvailableCallback(callbacks::incrementAndGet);

        assertThat(readAll(stream)).isEqualTo(100);
        stream.close();
    }

    /** Axon's embedded store cannot call back; a coordinator would poll it every 500 ms, the stream does that. */
    @Test
    void callsBackAtAxonsPollIntervalWhenTheStoreCannot() {
        store = new StoreStream(100, false);
        BlockingStream<TrackedEventMessage<?>> stream = open(Duration.ofHours(1));

        await().atMost(PATIENCE).until(() -> callbacks.get() >= 2);
        stream.close();
    }

    @Test
    void aStoreThatCallsBackIsLeftToDoSo() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = open(Duration.ofHours(1));

        Thread.sleep(PacedEventSource.POLL.toMillis() * 2);

        assertThat(callbacks).hasValue(0);
        assertThat(store.callback).isNotNull();
        stream.close();
    }

    @Test
    void aClosedStreamNoLongerCallsBackAndClosesTheStoresStream() throws InterruptedException {
        store = new StoreStream(100, false);
        BlockingStream<TrackedEventMessage<?>> stream = open(Duration.ofHours(1));
        stream.close();
        int before = callbacks.get();

        Thread.sleep(PacedEventSource.POLL.toMillis() * 2);

        assertThat(callbacks.get()).isLessThanOrEqualTo(before + 1);
        assertThat(store.closed).isTrue();
    }

    @Test
    void aCommitCallsTheCoordinatorBackWithoutWaitingForThePoll() {
        store = new StoreStream(100, false);
        poll = Duration.ofHours(1);
        BlockingStream<TrackedEventMessage<?>> stream = open(Duration.ofHours(1));

        source.eventsCommitted();

        await().atMost(PATIENCE).until(() -> callbacks.get() == 1);
        stream.close();
    }

    /** Each call-back makes the coordinator query the store: a busy ledger must not cause one per posting. */
    @Test
    void aBurstOfCommitsCallsBackOnceAndTheRestAfterTheGap() throws InterruptedException {
        minGap = Duration.ofHours(1);
        BlockingStream<TrackedEventMessage<?>> stream = open(Duration.ofHours(1));

        for (int commit = 0; commit < 1_000; commit++) {
            source.eventsCommitted();
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(callbacks).hasValue(1));
        Thread.sleep(200);
        assertThat(callbacks).hasValue(1);
        stream.close();
    }

    @Test
    void aClosedStreamIsNotCalledBackOnACommit() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = open(Duration.ofHours(1));
        stream.close();

        source.eventsCommitted();

        Thread.sleep(200);
        assertThat(callbacks).hasValue(0);
    }

    /**
     * Whatever the order in which the coordinator reads and the segments progress, the
     * coordinator gets every event once and in order, and is never more than the limit ahead of
     * the slowest segment when it gets one.
     */
    @Property(tries = 200)
    void neverMoreThanTheLimitAheadAndNothingLostOrReordered(
            @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 5) Integer> steps) throws InterruptedException {
        store = new StoreStream(100, true);
        processedUpTo(0, 0);
        processedUpTo(1, 0);
        BlockingStream<TrackedEventMessage<?>> stream = open(Duration.ofHours(1));
        List<Long> read = new ArrayList<>();
        for (int step : steps) {
            long handedOut = read.isEmpty() ? 0 : read.get(read.size() - 1);
            if (step < 4) {
                if (stream.hasNextAvailable()) {
                    read.add(position(stream.nextAvailable()));
                    assertThat(read.get(read.size() - 1) - slowest()).isLessThanOrEqualTo(LIMIT);
                }
            } else {
                int segment = step - 4;
                processedUpTo(segment, positions.get(segment) + (handedOut - positions.get(segment) + 1) / 2);
            }
        }
        while (read.size() < 100) {
            long handedOut = read.isEmpty() ? 0 : read.get(read.size() - 1);
            processedUpTo(0, handedOut);
            processedUpTo(1, handedOut);
            assertThat(stream.hasNextAvailable()).isTrue();
            read.add(position(stream.nextAvailable()));
        }
        stream.close();

        assertThat(read).containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
    }

    private BlockingStream<TrackedEventMessage<?>> open(Duration maxHold) {
        source = paced(maxHold, store);
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        assertThat(stream.setOnAvailableCallback(callbacks::incrementAndGet)).isTrue();
        return stream;
    }

    private PacedEventSource paced(Duration maxHold, StoreStream events) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.processingStatus()).thenAnswer(invocation -> statuses());
        return new PacedEventSource(source(events), () -> Optional.of(processor), LIMIT, maxHold, poll, minGap);
    }

    private StreamableMessageSource<TrackedEventMessage<?>> source() {
        return source(store);
    }

    private static StreamableMessageSource<TrackedEventMessage<?>> source(StoreStream events) {
        return token -> events;
    }

    private synchronized Map<Integer, EventTrackerStatus> statuses() {
        Map<Integer, EventTrackerStatus> statuses = new LinkedHashMap<>();
        positions.forEach((segment, position) -> {
            EventTrackerStatus status = mock(EventTrackerStatus.class);
            when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
            when(status.isErrorState()).thenReturn(failed.get(segment));
            statuses.put(segment, status);
        });
        return statuses;
    }

    private synchronized void processedUpTo(int segment, long position) {
        positions.put(segment, position);
    }

    private synchronized long slowest() {
        return positions.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    private static int readAll(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        int read = 0;
        while (stream.hasNextAvailable()) {
            stream.nextAvailable();
            read++;
        }
        return read;
    }

    private static long position(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }

    /** The store's stream: events at global indexes 1 to {@code count}. */
    private static final class StoreStream implements BlockingStream<TrackedEventMessage<?>> {

        private final Deque<TrackedEventMessage<?>> events = new ArrayDeque<>();
        private final boolean canCallBack;
        private volatile Runnable callback;
        private volatile boolean closed;

        StoreStream(int count, boolean canCallBack) {
            this.canCallBack = canCallBack;
            for (long index = 1; index <= count; index++) {
                TrackingToken token = new GlobalSequenceTrackingToken(index);
                events.add(new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("event " + index)));
            }
        }

        int left() {
            return events.size();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(events.peek());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return !events.isEmpty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            return events.remove();
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (canCallBack) {
                this.callback = callback;
            }
            return canCallBack;
        }
    }
}

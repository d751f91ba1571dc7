package org.coopledger.reporting;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.async.SequencingPolicy;

import java.util.List;
import java.util.Objects;

/**
 * The projections' handlers, asked first whether an event belongs to the segment at all.
 * Axon's coordinator offers every event to every segment's work package, and each asks the
 * handlers whether they can handle it: for each processing group, it matches the event against
 * the group's annotated handlers, then checks the segment. Three segments in four say no, after
 * matching all five groups' handlers: 12 % of the JVM's CPU in a replay (docs/PERFORMANCE.md,
 * "Replay, round 6"). Checking the segment first answers those three for the price of one hash.
 * A coordinator that fast outruns the workers, which Axon answers with a 100 ms pause; the
 * {@link PacedEventSource} keeps it from running that far ahead.
 * <p>
 * The answer is the same as the wrapped invoker's as long as every group sequences events by
 * {@code policy}: an invoker handles an event in a segment only if the segment matches the
 * hash of the event's sequence identifier (Axon's {@code SimpleEventHandlerInvoker}, whose rule
 * {@link #inSegment} repeats). {@link ProjectionProcessingModule} refuses to start otherwise.
 * <p>
 * Axon builds a processor's handlers as groups ({@link MultiEventHandlerInvoker}); the groups are
 * asked here with its rule: a group takes a replayed event only if it supports a reset. Axon
 * asks each group whether it supports a reset for every event it offers or hands over, and each
 * group answers by looking through its handlers' annotations again: 3 % of the JVM's CPU in a
 * replay (docs/PERFORMANCE.md, "Replay, round 8"). The answer is fixed when a group is built, so
 * it is asked once here. {@link ProjectionProcessingModule} refuses to start if Axon hands over
 * anything but groups.
 */
final class SegmentFirstInvoker implements EventHandlerInvoker {

    private final MultiEventHandlerInvoker delegate;
    private final SequencingPolicy<? super EventMessage<?>> policy;
    private final List<EventHandlerInvoker> groups;
    /** Per group: whether it takes replayed events. */
    private final boolean[] replayable;

    SegmentFirstInvoker(MultiEventHandlerInvoker delegate, SequencingPolicy<? super EventMessage<?>> policy) {
        this.delegate = delegate;
        this.policy = policy;
        this.groups = List.copyOf(delegate.delegates());
        this.replayable = new boolean[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            replayable[i] = groups.get(i).supportsReset();
        }
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        if (!inSegment(eventMessage, segment)) {
            return false;
        }
        for (int i = 0; i < groups.size(); i++) {
            if (takes(i, eventMessage, segment)) {
                return true;
            }
        }
        return false;
    }

    /** Axon's rule for one group ({@code MultiEventHandlerInvoker}), with its reset support asked once. */
    private boolean takes(int group, EventMessage<?> eventMessage, Segment segment) {
        return (replayable[group] || !ReplayToken.isReplay(eventMessage))
                && groups.get(group).canHandle(eventMessage, segment);
    }

    /** As Axon's invoker decides it: the policy's identifier, or the event's own when it has none. */
    private boolean inSegment(EventMessage<?> eventMessage, Segment segment) {
        Object identifier = policy.getSequenceIdentifierFor(eventMessage);
        return segment.matches(Objects.hashCode(identifier != null ? identifier : eventMessage.getIdentifier()));
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return delegate.canHandleType(payloadType);
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        for (int i = 0; i < groups.size(); i++) {
            if (takes(i, message, segment)) {
                groups.get(i).handle(message, segment);
            }
        }
    }

    @Override
    public boolean supportsReset() {
        return delegate.supportsReset();
    }

    @Override
    public void performReset() {
        delegate.performReset();
    }

    @Override
    public <R> void performReset(R resetContext) {
        delegate.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        delegate.segmentReleased(segment);
    }
}

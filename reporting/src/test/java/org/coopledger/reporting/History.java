package org.coopledger.reporting;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An event stream as a streaming processor reads it from the event store: domain events with
 * per-aggregate sequence numbers, tracked at increasing global indexes. {@link #deliverTo}
 * dispatches through Axon's own annotation adapter, so parameter resolution and dispatch by
 * assignable type are exercised as in production.
 */
public final class History {

    public static final Instant RECORDED_AT = Instant.parse("2026-03-01T08:30:00Z");

    private final List<TrackedEventMessage<?>> messages = new ArrayList<>();
    private final Map<String, Long> nextSequence = new HashMap<>();
    private long globalIndex;

    public History append(String aggregateType, String aggregateId, Object payload) {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        GenericDomainEventMessage<Object> domain = new GenericDomainEventMessage<>(aggregateType, aggregateId,
                sequence, payload, Map.of(), UUID.randomUUID().toString(), RECORDED_AT);
        messages.add(new GenericTrackedDomainEventMessage<>(
                GapAwareTrackingToken.newInstance(++globalIndex, Set.of()), domain));
        return this;
    }

    public List<TrackedEventMessage<?>> messages() {
        return List.copyOf(messages);
    }

    /** Delivers every message, in order, to the event handlers of {@code projection}. */
    public void deliverTo(Object projection) {
        deliver(projection, messages);
    }

    public static void deliver(Object projection, List<? extends EventMessage<?>> messages) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        for (EventMessage<?> message : messages) {
            try {
                if (adapter.canHandle(message)) {
                    adapter.handle(message);
                }
            } catch (Exception e) {
                throw new IllegalStateException("handler failed", e);
            }
        }
    }

    /** Runs the projection's reset handlers as a processor does before a replay. */
    public static void reset(Object projection) {
        new AnnotationEventHandlerAdapter(projection).prepareReset();
    }
}

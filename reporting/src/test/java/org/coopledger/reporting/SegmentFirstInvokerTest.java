package org.coopledger.reporting;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.async.FullConcurrencyPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Asking the segment first changes which invoker calls happen, never the answer: for any
 * event, replayed or not, of an aggregate or not, handled by some groups or none, and any
 * segment of any split, the wrapped invoker answers as Axon's own.
 */
class SegmentFirstInvokerTest {

    record Deposited(String account) {
    }

    record Registered(String member) {
    }

    record Unhandled(String anything) {
    }

    static class Savings {
        @EventHandler
        void on(Deposited event) {
        }
    }

    static class Members {
        @EventHandler
        void on(Registered event) {
        }
    }

    /** A group that must not see replays, so the replay rule of Axon's invoker is part of the check. */
    @DisallowReplay
    static class Notifications {
        @EventHandler
        void on(Deposited event) {
        }
    }

    /** Several groups on one processor, each sequencing per aggregate, as the projections are. */
    private static EventHandlerInvoker axonInvoker() {
        return new MultiEventHandlerInvoker(group(new Members()), group(new Savings()), group(new Notifications()));
    }

    private static EventHandlerInvoker group(Object handlers) {
        return SimpleEventHandlerInvoker.builder().eventHandlers(handlers)
                .sequencingPolicy(ProjectionProcessingModule.SEQUENCING).build();
    }

    @Property(tries = 2000)
    void answersAsAxonsInvokerForEveryEventAndSegment(@ForAll("events") EventMessage<?> event,
                                                     @ForAll("segments") Segment segment) {
        EventHandlerInvoker axon = axonInvoker();
        SegmentFirstInvoker segmentFirst = new SegmentFirstInvoker(axonInvoker(), ProjectionProcessingModule.SEQUENCING);

        assertThat(segmentFirst.canHandle(event, segment)).isEqualTo(axon.canHandle(event, segment));
    }

    @Property(tries = 300)
    void exactlyOneSegmentOfASplitTakesAnEventSomeGroupHandles(@ForAll("events") EventMessage<?> event,
                                                               @ForAll("splits") int splits) {
        SegmentFirstInvoker invoker = new SegmentFirstInvoker(axonInvoker(), ProjectionProcessingModule.SEQUENCING);
        long taking = Segment.splitBalanced(Segment.ROOT_SEGMENT, splits).stream()
                .filter(segment -> invoker.canHandle(event, segment)).count();

        assertThat(taking).isLessThanOrEqualTo(1);
        assertThat(taking == 1).isEqualTo(axonInvoker().canHandle(event, Segment.ROOT_SEGMENT));
    }

    @Test
    void theHandlersAreNotAskedAboutAnEventOfAnotherSegment() {
        AtomicInteger asked = new AtomicInteger();
        EventHandlerInvoker counting = new MultiEventHandlerInvoker(group(new Savings())) {
            @Override
            public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
                asked.incrementAndGet();
                return super.canHandle(eventMessage, segment);
            }
        };
        SegmentFirstInvoker invoker = new SegmentFirstInvoker(counting, ProjectionProcessingModule.SEQUENCING);
        EventMessage<?> deposit = new GenericDomainEventMessage<>("Account", "account-7", 0, new Deposited("account-7"));
        List<Segment> quarters = Segment.splitBalanced(Segment.ROOT_SEGMENT, 3);

        long taking = quarters.stream().filter(segment -> invoker.canHandle(deposit, segment)).count();

        assertThat(taking).isEqualTo(1);
        assertThat(asked).hasValue(1);
    }

    @Test
    void theProcessorRefusesToStartWhenAGroupSequencesOtherwise() {
        EventProcessingModule module = new ProjectionProcessingModule().eventProcessingModule();
        Configurer configurer = DefaultConfigurer.defaultConfiguration();
        configurer.registerModule(module);
        configurer.buildConfiguration();
        assertThatNoException().isThrownBy(() -> ProjectionProcessingModule.requireOneSequencing(module));

        module.registerSequencingPolicy(ProcessorConfiguration.LOANS, configuration -> new FullConcurrencyPolicy());

        assertThatThrownBy(() -> ProjectionProcessingModule.requireOneSequencing(module))
                .isInstanceOf(AxonConfigurationException.class)
                .hasMessageContaining("processing group loans");
    }

    @Provide
    Arbitrary<EventMessage<?>> events() {
        Arbitrary<Object> payloads = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofLength(6).map(Deposited::new),
                Arbitraries.strings().alpha().ofLength(6).map(Registered::new),
                Arbitraries.strings().alpha().ofLength(6).map(Unhandled::new));
        Arbitrary<String> aggregates = Arbitraries.strings().withCharRange('a', 'z').numeric().ofLength(12);
        Arbitrary<EventMessage<?>> domain = Combinators.combine(payloads, aggregates, Arbitraries.longs().between(0, 50))
                .as((payload, aggregate, sequence) -> new GenericDomainEventMessage<>("Aggregate", aggregate, sequence, payload));
        Arbitrary<EventMessage<?>> replayed = domain.map(event -> new GenericTrackedDomainEventMessage<>(
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(1_000), new GlobalSequenceTrackingToken(10)),
                (GenericDomainEventMessage<?>) event));
        Arbitrary<EventMessage<?>> withoutAggregate = payloads.map(GenericEventMessage::new);
        return Arbitraries.oneOf(domain, replayed, withoutAggregate);
    }

    @Provide
    Arbitrary<Segment> segments() {
        return splits().flatMap(splits -> Arbitraries.of(Segment.splitBalanced(Segment.ROOT_SEGMENT, splits)));
    }

    @Provide
    Arbitrary<Integer> splits() {
        return Arbitraries.integers().between(0, 7);
    }
}

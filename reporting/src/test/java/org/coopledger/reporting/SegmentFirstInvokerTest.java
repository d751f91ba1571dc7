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

import java.util.ArrayList;
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

    /** Handled by the group that refuses replays only, so that the replay rule decides the answer. */
    record Alerted(String account) {
    }

    /** Each group writes down the events it is handed, so two invokers' hand-overs can be compared. */
    static class Savings {
        final List<String> seen;

        Savings(List<String> seen) {
            this.seen = seen;
        }

        @EventHandler
        void on(Deposited event) {
            seen.add("savings " + event);
        }
    }

    static class Members {
        final List<String> seen;

        Members(List<String> seen) {
            this.seen = seen;
        }

        @EventHandler
        void on(Registered event) {
            seen.add("members " + event);
        }
    }

    /** A group that must not see replays, so the replay rule of Axon's invoker is part of the check. */
    @DisallowReplay
    static class Notifications {
        final List<String> seen;

        Notifications(List<String> seen) {
            this.seen = seen;
        }

        @EventHandler
        void on(Deposited event) {
            seen.add("notifications " + event);
        }

        @EventHandler
        void on(Alerted event) {
            seen.add("notifications " + event);
        }
    }

    /** Several groups on one processor, each sequencing per aggregate, as the projections are. */
    private static MultiEventHandlerInvoker axonInvoker() {
        return axonInvoker(new ArrayList<>());
    }

    private static MultiEventHandlerInvoker axonInvoker(List<String> seen) {
        return new MultiEventHandlerInvoker(group(new Members(seen)), group(new Savings(seen)),
                group(new Notifications(seen)));
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

    /** Handed an event, whether the processor should have or not, the same groups handle it as with Axon's. */
    @Property(tries = 2000)
    void handsAnEventToTheGroupsAxonsInvokerWould(@ForAll("events") EventMessage<?> event,
                                                 @ForAll("segments") Segment segment) throws Exception {
        List<String> byAxon = new ArrayList<>();
        List<String> bySegmentFirst = new ArrayList<>();
        EventHandlerInvoker axon = axonInvoker(byAxon);
        SegmentFirstInvoker segmentFirst = new SegmentFirstInvoker(axonInvoker(bySegmentFirst),
                ProjectionProcessingModule.SEQUENCING);

        axon.handle(event, segment);
        segmentFirst.handle(event, segment);

        assertThat(bySegmentFirst).isEqualTo(byAxon);
    }

    @Test
    void eachGroupIsAskedOnceWhetherItTakesReplays() throws Exception {
        Counted notifications = new Counted(group(new Notifications(new ArrayList<>())));
        SegmentFirstInvoker invoker = new SegmentFirstInvoker(new MultiEventHandlerInvoker(notifications),
                ProjectionProcessingModule.SEQUENCING);

        for (int i = 0; i < 100; i++) {
            EventMessage<?> replayed = new GenericTrackedDomainEventMessage<>(
                    ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(1_000), new GlobalSequenceTrackingToken(i)),
                    new GenericDomainEventMessage<>("Account", "account-" + i, 0, new Alerted("account-" + i)));
            assertThat(invoker.canHandle(replayed, Segment.ROOT_SEGMENT)).isFalse();
            invoker.handle(replayed, Segment.ROOT_SEGMENT);
        }

        assertThat(notifications.askedAboutResets).hasValue(1);
    }

    /** A group that counts what it is asked. */
    private static final class Counted implements EventHandlerInvoker {

        final EventHandlerInvoker group;
        final AtomicInteger askedToHandle = new AtomicInteger();
        final AtomicInteger askedAboutResets = new AtomicInteger();

        Counted(EventHandlerInvoker group) {
            this.group = group;
        }

        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            askedToHandle.incrementAndGet();
            return group.canHandle(eventMessage, segment);
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) throws Exception {
            group.handle(message, segment);
        }

        @Override
        public boolean supportsReset() {
            askedAboutResets.incrementAndGet();
            return group.supportsReset();
        }
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
        Counted savings = new Counted(group(new Savings(new ArrayList<>())));
        SegmentFirstInvoker invoker = new SegmentFirstInvoker(new MultiEventHandlerInvoker(savings),
                ProjectionProcessingModule.SEQUENCING);
        EventMessage<?> deposit = new GenericDomainEventMessage<>("Account", "account-7", 0, new Deposited("account-7"));
        List<Segment> quarters = Segment.splitBalanced(Segment.ROOT_SEGMENT, 3);

        long taking = quarters.stream().filter(segment -> invoker.canHandle(deposit, segment)).count();

        assertThat(taking).isEqualTo(1);
        assertThat(savings.askedToHandle).hasValue(1);
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
                Arbitraries.strings().alpha().ofLength(6).map(Unhandled::new),
                Arbitraries.strings().alpha().ofLength(6).map(Alerted::new));
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

package org.coopledger.reporting;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Axon's event processing module, with the projections' processor asking its handlers
 * segment first ({@link SegmentFirstInvoker}). Replaces the module Axon's Spring Boot
 * configuration would create, hence before it; everything else is Axon's own.
 */
@AutoConfiguration(before = EventProcessingAutoConfiguration.class)
public class ProjectionProcessingModule {

    /** How every projection orders its events: per aggregate, as Axon does by default. */
    static final SequencingPolicy<? super EventMessage<?>> SEQUENCING = SequentialPerAggregatePolicy.instance();

    @Bean
    public EventProcessingModule eventProcessingModule() {
        return new EventProcessingModule() {
            @Override
            protected EventProcessor pooledStreamingEventProcessor(String name, EventHandlerInvoker invoker,
                                                                   Configuration config,
                                                                   StreamableMessageSource<TrackedEventMessage<?>> source,
                                                                   PooledStreamingProcessorConfiguration processorConfiguration) {
                if (ProcessorConfiguration.PROCESSOR.equals(name)) {
                    requireOneSequencing(this);
                    if (!(invoker instanceof MultiEventHandlerInvoker groups)) {
                        throw new AxonConfigurationException("the processor " + name + " expects Axon to hand it its "
                                + "processing groups as a MultiEventHandlerInvoker, not " + invoker.getClass().getName());
                    }
                    invoker = new SegmentFirstInvoker(groups, SEQUENCING);
                }
                return super.pooledStreamingEventProcessor(name, invoker, config, source, processorConfiguration);
            }
        };
    }

    /** The segment-first answer equals Axon's only if every group sequences as it assumes. */
    static void requireOneSequencing(EventProcessingModule module) {
        for (String group : ProcessorConfiguration.PROCESSING_GROUPS) {
            if (module.sequencingPolicy(group) != SEQUENCING) {
                throw new AxonConfigurationException("processing group " + group + " must sequence its events with "
                        + SEQUENCING.getClass().getSimpleName() + ": the processor " + ProcessorConfiguration.PROCESSOR
                        + " checks segments with it before asking the handlers");
            }
        }
    }
}

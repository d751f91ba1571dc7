package org.coopledger.reporting.rebuild;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where the projections stand, and the progress of the last rebuild. Events are counted in
 * positions of the event store's global index up to the head when the rebuild started (a
 * rolled-back append leaves a gap, so the count can be a little above the number of events).
 * The rebuild is done when every segment of the projections' processor has replayed past that
 * head; the slowest segment sets the overall progress.
 *
 * @param state            IDLE (no rebuild since start-up), RUNNING, FINISHED or FAILED
 * @param eventStoreHead   the highest global index in the event store now
 * @param replayUpTo       the highest global index when the rebuild started (0 when IDLE)
 * @param eventsPerSecond  average since the start of the rebuild; null when unknown
 * @param etaSeconds       remaining events at that rate; null when unknown
 * @param indexesParked    secondary indexes dropped for a replay and not built again yet; a
 *                         rebuild stays RUNNING until they are back
 */
public record RebuildStatus(String state,
                            Instant startedAt,
                            Instant finishedAt,
                            long eventStoreHead,
                            long replayUpTo,
                            long eventsTotal,
                            long eventsDone,
                            Long eventsPerSecond,
                            Long etaSeconds,
                            int indexesParked,
                            String failure,
                            List<ProcessorStatus> processors) {

    /**
     * One event processor on this node.
     *
     * @param position     lowest global index its segments have processed (null before the first event)
     * @param segments     segments claimed on this node / tokens in the token store
     * @param deadLetters  events parked, by projection (processing group) it feeds
     */
    public record ProcessorStatus(String name, boolean running, boolean replaying, boolean error, Long position,
                                  int segmentsClaimed, int segments, Map<String, Long> deadLetters) {
    }
}

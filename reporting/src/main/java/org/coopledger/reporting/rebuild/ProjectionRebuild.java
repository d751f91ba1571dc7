package org.coopledger.reporting.rebuild;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.reporting.ProcessorConfiguration;
import org.coopledger.reporting.rebuild.RebuildStatus.ProcessorStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds the projections from the event history while the ledger keeps running: the projections'
 * processor is shut down, its tokens are reset to the start of the event store (which runs every
 * projection's {@code @ResetHandler}, emptying its tables, in the same transaction as the token
 * reset) and it is started again; it then replays every event and carries on with new ones. All
 * projections are rebuilt together: they share one processor, and one pass over the history costs
 * little more than a pass for one of them would. Commands never read projections, so postings go on; reads answer from
 * tables that fill up again and show partial data until the rebuild is done.
 * <p>
 * The secondary indexes of the largest projection tables are dropped for the replay and built
 * again when it has caught up ({@link ParkedIndexes}; {@code ledger.rebuild.park-indexes}, on by
 * default); the rebuild is finished when they are back.
 * <p>
 * Progress (events done / total, rate, ETA) is logged every {@code ledger.rebuild.progress-interval}
 * and answered by {@link #status()}. One rebuild at a time per node. On several nodes, run it on
 * one: resetting fails while another node holds a claim on a segment.
 */
@Component
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final JdbcTemplate jdbc;
    private final ParkedIndexes indexes;
    private final boolean parkIndexes;
    private final Duration progressInterval;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild-progress");
        thread.setDaemon(true);
        return thread;
    });

    /** The current or last rebuild; guarded by this. */
    private Run run;
    private ScheduledFuture<?> progressLog;
    /** Building the parked indexes again, once the replay has caught up; guarded by this. */
    private CompletableFuture<Void> restoring;
    /** Set when the application stops: the processor is then not started again after a build. */
    private volatile boolean closing;

    ProjectionRebuild(ObjectProvider<EventProcessingConfiguration> processing, JdbcTemplate jdbc,
                      ParkedIndexes indexes,
                      @Value("${ledger.rebuild.park-indexes:true}") boolean parkIndexes,
                      @Value("${ledger.rebuild.progress-interval:PT5S}") Duration progressInterval) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.indexes = indexes;
        this.parkIndexes = parkIndexes;
        this.progressInterval = progressInterval;
    }

    /** What one rebuild set out to do. */
    private record Run(Instant startedAt, long firstIndex, long headIndex,
                       Instant finishedAt, String failure) {

        Run finished(Instant at) {
            return new Run(startedAt, firstIndex, headIndex, at, null);
        }

        Run failed(Instant at, String why) {
            return new Run(startedAt, firstIndex, headIndex, at, why);
        }

        long total() {
            return headIndex == 0 ? 0 : headIndex - firstIndex + 1;
        }
    }

    /**
     * Starts rebuilding every projection and answers at once; the replay goes on in the processor's
     * own threads. Refused while a rebuild runs ({@code REBUILD_IN_PROGRESS}) and while a projection
     * has dead letters ({@code DEAD_LETTERS_PENDING}): those must be retried or evicted first, or the
     * replay would park their events a second time.
     */
    public synchronized RebuildStatus start() {
        if (run != null && run.finishedAt() == null) {
            throw new LedgerException(ErrorCode.REBUILD_IN_PROGRESS, "a projection rebuild is already running");
        }
        for (Map.Entry<String, Long> parked : deadLettersByProjection().entrySet()) {
            if (parked.getValue() > 0) {
                throw new LedgerException(ErrorCode.DEAD_LETTERS_PENDING,
                        "projection " + parked.getKey() + " has dead letters; retry or evict them before a rebuild");
            }
        }
        long[] bounds = jdbc.queryForObject(
                "SELECT COALESCE(min(global_index), 0), COALESCE(max(global_index), 0) FROM domain_event_entry",
                (rs, row) -> new long[]{rs.getLong(1), rs.getLong(2)});
        run = new Run(clock.instant(), bounds[0], bounds[1], null, null);
        log.info("projection rebuild of {} started: {} events up to global index {}",
                ProcessorConfiguration.PROCESSING_GROUPS, run.total(), run.headIndex());
        StreamingEventProcessor processor = processor();
        try {
            processor.shutDown();
            processor.resetTokens();
            parkIndexes();
        } catch (RuntimeException e) {
            run = run.failed(clock.instant(), "reset failed: " + e.getClass().getSimpleName());
            log.error("projection rebuild: reset failed", e);
            return status();
        } finally {
            processor.start();
        }
        progressLog = ticker.scheduleAtFixedRate(this::logProgress, progressInterval.toMillis(),
                progressInterval.toMillis(), TimeUnit.MILLISECONDS);
        return status();
    }

    /** The processors of this node and the progress of the current or last rebuild. */
    public synchronized RebuildStatus status() {
        List<ProcessorStatus> processors = new ArrayList<>();
        processing.getObject().eventProcessor(ProcessorConfiguration.PROCESSOR, StreamingEventProcessor.class)
                .ifPresent(processor -> processors.add(processorStatus(processor)));
        Long head = jdbc.queryForObject("SELECT COALESCE(max(global_index), 0) FROM domain_event_entry", Long.class);
        if (run == null) {
            return new RebuildStatus("IDLE", null, null, head, 0, 0, 0, null, null, indexes.count(), null,
                    processors);
        }
        long done = run.total();
        boolean allDone = true;
        // A finished run keeps its figures: after building indexes again the processor restarts and,
        // until it has claimed its segments, reports no position at all.
        if (run.finishedAt() == null || run.failure() != null) {
            for (ProcessorStatus processor : processors) {
                done = Math.min(done, eventsDone(processor));
                allDone &= caughtUp(processor);
            }
        }
        int parked = indexes.count();
        if (run.finishedAt() == null && (allDone || restoring != null)) {
            finishOrRestoreIndexes(parked);
            done = run.total();
        }
        String state = run.failure() != null ? "FAILED" : run.finishedAt() != null ? "FINISHED" : "RUNNING";
        Instant until = run.finishedAt() != null ? run.finishedAt() : clock.instant();
        Progress progress = Progress.of(run.total(), done, Duration.between(run.startedAt(), until).toMillis());
        return new RebuildStatus(state, run.startedAt(), run.finishedAt(), head, run.headIndex(), run.total(),
                done, progress.eventsPerSecond(), progress.etaSeconds(), parked,
                run.failure(), processors);
    }

    /** A failure to park (one transaction) leaves every index in place: the replay is only slower. */
    private void parkIndexes() {
        if (!parkIndexes) {
            return;
        }
        try {
            indexes.park();
        } catch (RuntimeException e) {
            log.warn("projection rebuild: indexes kept, not parked ({})", e.getClass().getSimpleName());
        }
    }

    /**
     * The replay has caught up: done, unless indexes were parked. Those are then built again on the
     * progress thread (minutes on a large ledger, so not under this lock) with the processor stopped:
     * a build locks its table against writes, and a projection's batch waiting on it past the
     * statement timeout would fail. Events appended meanwhile are applied when it starts again.
     * Done when the indexes are back, with any an earlier rebuild could not build.
     */
    private void finishOrRestoreIndexes(int parked) {
        if (restoring == null && parked == 0) {
            run = run.finished(clock.instant());
        } else if (restoring == null) {
            log.info("projection rebuild: replay caught up; building {} indexes again", parked);
            StreamingEventProcessor processor = processor();
            restoring = CompletableFuture.runAsync(() -> {
                processor.shutDown();
                try {
                    indexes.restore();
                } finally {
                    if (!closing) {
                        processor.start();
                    }
                }
            }, ticker);
        } else if (restoring.isDone()) {
            Throwable failure = restoring.handle((ok, e) -> e == null ? null : e.getCause() == null ? e : e.getCause())
                    .join();
            if (failure == null) {
                run = run.finished(clock.instant());
            } else {
                log.error("projection rebuild: indexes not built again; the next start builds them", failure);
                run = run.failed(clock.instant(), "indexes not built again: " + failure.getClass().getSimpleName());
            }
            restoring = null;
        }
    }

    /**
     * The replay is over when all its segments run here and have processed the head of
     * the start. Not "no longer replaying": Axon keeps a segment's replay token until it processes
     * an event after the reset position, which on a quiet ledger may take long.
     */
    private boolean caughtUp(ProcessorStatus processor) {
        return processor.running() && processor.segmentsClaimed() == processor.segments()
                && processor.segments() > 0
                && (run.headIndex() == 0 || (processor.position() != null && processor.position() >= run.headIndex()));
    }

    private long eventsDone(ProcessorStatus processor) {
        if (processor.position() == null) {
            return 0;
        }
        return Math.max(0, Math.min(run.total(), processor.position() - run.firstIndex() + 1));
    }

    private ProcessorStatus processorStatus(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        Long position = null;
        boolean replaying = false;
        boolean error = processor.isError();
        for (EventTrackerStatus segment : segments.values()) {
            replaying |= segment.isReplaying();
            error |= segment.isErrorState();
            long at = segment.getCurrentPosition().orElse(-1);
            position = position == null ? at : Math.min(position, at);
        }
        Integer tokens = jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?",
                Integer.class, processor.getName());
        return new ProcessorStatus(processor.getName(), processor.isRunning(), replaying, error,
                position == null || position < 0 ? null : position, segments.size(), tokens == null ? 0 : tokens,
                deadLettersByProjection());
    }

    /** Events parked per projection (processing group), every projection listed: one query. */
    private Map<String, Long> deadLettersByProjection() {
        Map<String, Long> parked = new LinkedHashMap<>();
        ProcessorConfiguration.PROCESSING_GROUPS.forEach(group -> parked.put(group, 0L));
        jdbc.query("SELECT processinggroup, count(*) FROM deadletterentry GROUP BY processinggroup", rows -> {
            if (parked.containsKey(rows.getString(1))) {
                parked.put(rows.getString(1), rows.getLong(2));
            }
        });
        return parked;
    }

    private StreamingEventProcessor processor() {
        return processing.getObject().eventProcessor(ProcessorConfiguration.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + ProcessorConfiguration.PROCESSOR));
    }

    private void logProgress() {
        try {
            RebuildStatus status = status();
            if ("RUNNING".equals(status.state())) {
                log.info("projection rebuild: {}/{} events, {} events/s, ETA {} s", status.eventsDone(),
                        status.eventsTotal(), status.eventsPerSecond() == null ? "?" : status.eventsPerSecond(),
                        status.etaSeconds() == null ? "?" : status.etaSeconds());
                return;
            }
            log.info("projection rebuild {}: {} events in {} ms", status.state().toLowerCase(), status.eventsTotal(),
                    Duration.between(status.startedAt(), status.finishedAt()).toMillis());
            synchronized (this) {
                if (progressLog != null) {
                    progressLog.cancel(false);
                    progressLog = null;
                }
            }
        } catch (RuntimeException e) {
            log.warn("projection rebuild: progress not readable ({})", e.getClass().getSimpleName());
        }
    }

    /** A build of parked indexes cut short here is finished by the next start ({@link ParkedIndexes}). */
    @PreDestroy
    void stop() {
        closing = true;
        ticker.shutdownNow();
    }
}

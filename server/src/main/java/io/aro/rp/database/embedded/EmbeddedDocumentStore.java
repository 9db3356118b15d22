package io.aro.rp.database.embedded;

import io.aro.rp.database.ContainerSpec;
import io.aro.rp.database.DatabaseException;
import io.aro.rp.database.DocumentContainer;
import io.aro.rp.database.DocumentStore;
import io.aro.rp.database.embedded.WriteAheadLog.Change;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default store for a local run: H2's MVStore in one file on local disk, with the same semantics as
 * Cosmos DB (ETags, 412 on a stale ETag, 409 on a taken id or unique key, paged queries, expiry).
 *
 * <p>A write changes the store's maps under one lock and is acknowledged once its changes are in the
 * {@link WriteAheadLog} and, with {@code fsync}, on disk; concurrent writers share one force of the log. The
 * maps' pages are committed to the store file only at checkpoints (every few seconds, after
 * {@value #CHECKPOINT_BYTES} bytes of log, or as soon as a write finds 6 MiB of pages changed), each under the
 * write lock so that it holds whole writes only;
 * opening the store replays the log written after the last checkpoint. A crashed process so loses nothing
 * acknowledged, and leaves each write either whole or absent; without fsync a machine crash may lose the last
 * writes. One process opens the file at a time (MVStore locks it), so several RP processes share state
 * through Cosmos DB, not through this store.
 *
 * <p>MVStore closes itself when it fails (a full disk, no memory left for a checkpoint). The store then reports
 * that failure once to the listener it was opened with, and refuses every later call: the process is expected
 * to stop, and its next start replays the log.
 */
public final class EmbeddedDocumentStore implements DocumentStore {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDocumentStore.class);
    /** How much log a restart may have to replay at most, roughly: a checkpoint follows once this much is written. */
    static final long CHECKPOINT_BYTES = 16L << 20;
    /**
     * How much memory (MVStore's estimate) the pages changed since the last checkpoint may hold: bounds the heap
     * they take and a checkpoint's pause. MVStore estimates about twice the bytes that a checkpoint writes, so a
     * checkpoint stays within the 4 MiB write buffer that MVStore keeps for reuse; larger ones allocate a new,
     * growing buffer each time, which under a stream of creates was what exhausted a 160 MiB heap.
     */
    static final long CHECKPOINT_MEMORY = 6L << 20;
    /** How long writes may stay in the log only, when fewer than {@link #CHECKPOINT_BYTES} come. */
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(5);
    private static final Duration CHECKPOINT_CHECK = Duration.ofMillis(200);
    /**
     * MVStore's cache of pages read from the file, in MiB (its default is 16). Document ids are spread at random
     * over the B-tree, so a create or a cold read seldom finds its page there, and each page taken in pushed an
     * older one out: garbage that had lived long enough to reach the old generation. Under a stream of creates
     * the default cost about ten full collections in 10 s and a fifth of the throughput; the parsed documents
     * that reads reuse are cached above the map.
     */
    private static final int PAGE_CACHE_MIB = 1;
    /** The map that holds the sequence of the last log record that the store file's committed pages hold. */
    private static final String LOG_STATE = "$log";
    private static final String CHECKPOINT = "checkpoint";

    private final MVStore store;
    private final Path file;
    private final Clock clock;
    private final boolean fsync;
    private final WriteAheadLog log;
    private final MVMap<String, Long> logState;
    private final Map<String, EmbeddedContainer> containers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checkpoints;
    /** Whether a writer has asked for a checkpoint that has not started yet: one request queued at a time. */
    private final AtomicBoolean checkpointRequested = new AtomicBoolean();
    private final Consumer<DatabaseException> failure;
    private final AtomicBoolean failureReported = new AtomicBoolean();
    /** Whether {@link #close} closed the MVStore, rather than a failure. */
    private volatile boolean closing;
    /** The changes of the write in progress; guarded by the write lock. */
    private final List<Change> changes = new ArrayList<>();
    /** Guarded by the write lock. */
    private long checkpointed;
    private long checkpointedAt = System.nanoTime();

    private EmbeddedDocumentStore(MVStore store, Path file, Clock clock, boolean fsync, long last, Consumer<DatabaseException> failure) {
        this.store = store;
        this.failure = failure;
        this.file = file;
        this.clock = clock;
        this.fsync = fsync;
        this.logState = store.openMap(LOG_STATE);
        this.checkpointed = last;
        this.log = WriteAheadLog.start(file, last, fsync);
        this.checkpoints = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-store-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        checkpoints.scheduleWithFixedDelay(this::checkpointIfDue, CHECKPOINT_CHECK.toMillis(), CHECKPOINT_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens (or creates) the store in {@code file}, and replays what its log holds beyond the last checkpoint.
     *
     * @param failure told once, from the thread that found it, when the store failed and closed itself
     * @throws DatabaseException when the file cannot be opened, for example because another process has it
     *         open, or its log is damaged before its last record
     */
    public static EmbeddedDocumentStore open(Path file, Clock clock, boolean fsync, Consumer<DatabaseException> failure) {
        MVStore store;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // "retry:" reopens the file when a thread is interrupted during I/O (a cancelled worker), which
            // would otherwise close the file channel and with it the store.
            // No automatic commits (autoCommitBufferSize 0): MVStore would otherwise commit in a writer's thread
            // whenever a megabyte of pages changed, in the middle of a write's changes; only checkpoints commit.
            store = new MVStore.Builder().fileName("retry:" + file.toAbsolutePath()).autoCommitDisabled().autoCommitBufferSize(0).cacheSize(PAGE_CACHE_MIB).open();
        } catch (IOException | MVStoreException e) {
            throw new DatabaseException("cannot open the embedded store " + file + ": " + e.getMessage(), e);
        }
        try {
            MVMap<String, Long> logState = store.openMap(LOG_STATE);
            long checkpoint = logState.getOrDefault(CHECKPOINT, 0L);
            long last = WriteAheadLog.replay(file, checkpoint, change -> {
                MVMap<String, String> map = store.openMap(change.map());
                if (change.value() == null) {
                    map.remove(change.key());
                } else {
                    map.put(change.key(), change.value());
                }
            });
            if (last != checkpoint) {
                LOG.atInfo().addKeyValue("records", last - checkpoint).log("replayed the embedded store's log");
            }
            // What the log held is now in the store file: the log starts again empty.
            logState.put(CHECKPOINT, last);
            store.commit();
            store.sync();
            WriteAheadLog.deleteAll(file);
            return new EmbeddedDocumentStore(store, file, clock, fsync, last, failure);
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e instanceof DatabaseException ? e : new DatabaseException("cannot open the embedded store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public DocumentContainer container(ContainerSpec spec) {
        return containers.computeIfAbsent(spec.name(), name -> new EmbeddedContainer(this, spec));
    }

    MVStore mvStore() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    /**
     * Runs {@code write} under the write lock, logs the changes it made through {@link #put} and
     * {@link #remove} as one record, and returns its result once that record is durable. Concurrent writers
     * share one force of the log. Changes made before {@code write} throws are logged too (forgetting an
     * expired document, for one), so that the log never lacks what the maps hold.
     *
     * @throws DatabaseException when the log cannot be written, or the thread is interrupted before its write is durable
     */
    <T> T write(Supplier<T> write) {
        T result;
        long sequence;
        synchronized (writeLock()) {
            requireOpen();
            try {
                result = write.get();
            } finally {
                try {
                    sequence = changes.isEmpty() ? 0 : log.append(changes);
                } finally {
                    changes.clear();
                }
                if (store.getUnsavedMemory() >= CHECKPOINT_MEMORY && !closing && checkpointRequested.compareAndSet(false, true)) {
                    try {
                        checkpoints.execute(this::checkpointIfDue);
                    } catch (RejectedExecutionException e) {
                        // closing: close() commits what the maps hold
                    }
                }
            }
        }
        log.awaitDurable(sequence);
        return result;
    }

    /** MVStore keeps answering reads from memory after it closed; a closed store must fail instead of claiming absence. */
    void requireOpen() {
        if (store.isClosed()) {
            DatabaseException closed = new DatabaseException("the embedded store is closed");
            if (closedByFailure()) {
                reportFailure(closed);
            }
            throw closed;
        }
    }

    /** Whether MVStore closed itself, rather than {@link #close} closing it. */
    private boolean closedByFailure() {
        return store.isClosed() && !closing;
    }

    /** Tells the listener, once, that MVStore closed itself: nothing more can be written until the process starts again. */
    private void reportFailure(DatabaseException e) {
        if (failureReported.compareAndSet(false, true)) {
            LOG.atError().setCause(e).log("the embedded store failed and closed; its log keeps every acknowledged write for the next start");
            failure.accept(e);
        }
    }

    /** Puts {@code value} at {@code key} in {@code map}, as part of the {@link #write} in progress. */
    void put(MVMap<String, String> map, String key, String value) {
        map.put(key, value);
        changes.add(new Change(map.getName(), key, value));
    }

    /** Removes {@code key} from {@code map}, as part of the {@link #write} in progress. */
    void remove(MVMap<String, String> map, String key) {
        if (map.remove(key) != null) {
            changes.add(new Change(map.getName(), key, null));
        }
    }

    /** Writers take this lock, so that each check-and-write and its log record are one atomic step. */
    Object writeLock() {
        return this;
    }

    private void checkpointIfDue() {
        checkpointRequested.set(false);
        try {
            boolean due;
            synchronized (writeLock()) {
                due = !store.isClosed() && log.appended() > checkpointed
                        && (log.bytesSinceRotation() >= CHECKPOINT_BYTES || store.getUnsavedMemory() >= CHECKPOINT_MEMORY
                                || System.nanoTime() - checkpointedAt >= CHECKPOINT_INTERVAL.toNanos());
            }
            if (due) {
                checkpoint();
            }
        } catch (RuntimeException e) {
            if (closedByFailure()) {
                reportFailure(new DatabaseException("the embedded store's checkpoint failed: " + e.getMessage(), e));
            } else {
                LOG.atWarn().setCause(e).log("the embedded store's checkpoint failed; its log keeps the writes");
            }
        }
    }

    /**
     * Commits the maps' pages with the sequence of the last record they hold, and, once that commit is on
     * disk, deletes the log segments it makes redundant.
     */
    void checkpoint() {
        synchronized (writeLock()) {
            if (store.isClosed()) {
                return;
            }
            long last = log.rotate();
            logState.put(CHECKPOINT, last);
            store.commit();
            checkpointed = last;
            checkpointedAt = System.nanoTime();
        }
        try {
            if (fsync) {
                store.sync();
            }
        } catch (MVStoreException e) {
            throw new DatabaseException("the embedded store could not force its checkpoint: " + e.getMessage(), e);
        }
        log.deleteEndedSegments();
    }

    @Override
    public void close() {
        closing = true;
        checkpoints.shutdownNow();
        synchronized (writeLock()) {
            if (store.isClosed()) {
                log.close(); // after a failure: the log's segments stay for the next start to replay
                return;
            }
            try {
                log.close();
                logState.put(CHECKPOINT, log.appended());
                store.commit();
                store.sync();
                store.close();
            } catch (RuntimeException e) {
                store.closeImmediately();
                throw e instanceof DatabaseException ? e : new DatabaseException("cannot close the embedded store: " + e.getMessage(), e);
            }
            WriteAheadLog.deleteAll(file);
        }
    }
}

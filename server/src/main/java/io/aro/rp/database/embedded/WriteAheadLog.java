package io.aro.rp.database.embedded;

import io.aro.rp.database.DatabaseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The embedded store's write-ahead log: each write's changes to the store's maps as one record, appended
 * to a segment file and forced to disk before the write is acknowledged. Forcing a few kilobytes appended
 * to a file costs a fraction of a millisecond; an MVStore commit rewrites every B-tree page a write touched,
 * so the store commits its pages only at checkpoints and the log covers the writes in between.
 *
 * <p>One thread writes and forces the log: writers hand it their records and wait, so that all records
 * appended while it forces the previous batch share the next force (group commit), and an interrupted
 * writer (a cancelled worker) cannot close the file under the others.
 *
 * <p>Segments are named {@code <store file>.log.<first sequence>}; a checkpoint starts a new one, and a
 * segment is deleted once a checkpoint that holds its records is on disk. A record is framed with its length
 * and a CRC-32C: a torn record can only be the last one, never acknowledged, and replay stops before it.
 */
final class WriteAheadLog implements AutoCloseable {
    /** One change to a map: {@code value} null removes the key. */
    record Change(String map, String key, String value) {
    }

    private final Path file;
    private final boolean force;
    private final Object lock = new Object();
    private final Thread writer;
    /* Guarded by lock. */
    private ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long appended;
    private long durable;
    private long bytesSinceRotation;
    private FileChannel segment;
    private long segmentFirst;
    /** Whether the current segment's name is on disk: the writer forces the directory with the segment's first batch. */
    private boolean segmentNamed;
    private IOException failure;
    private boolean closed;

    private WriteAheadLog(Path file, long last, boolean force) throws IOException {
        this.file = file;
        this.force = force;
        this.appended = last;
        this.durable = last;
        this.segment = newSegment(last + 1);
        this.segmentFirst = last + 1;
        this.writer = new Thread(this::writeBatches, "embedded-store-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** Starts a log after sequence {@code last} next to the store's {@code file}; there must be no segment left. */
    static WriteAheadLog start(Path file, long last, boolean force) {
        try {
            return new WriteAheadLog(file, last, force);
        } catch (IOException e) {
            throw new DatabaseException("cannot start the embedded store's log: " + e.getMessage(), e);
        }
    }

    /**
     * Applies, in order, every complete record after sequence {@code after} that the segments next to
     * {@code file} hold.
     *
     * @return the sequence of the last record applied, or {@code after}
     * @throws DatabaseException when a segment cannot be read, or a record other than the last is damaged or missing
     */
    static long replay(Path file, long after, Consumer<Change> apply) {
        List<Path> segments = segments(file);
        long last = after;
        for (int i = 0; i < segments.size(); i++) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(segments.get(i));
            } catch (IOException e) {
                throw new DatabaseException("cannot read the embedded store's log " + segments.get(i) + ": " + e.getMessage(), e);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                int start = buffer.position();
                byte[] payload = frame(buffer);
                if (payload == null) {
                    if (i < segments.size() - 1) {
                        throw new DatabaseException("the embedded store's log " + segments.get(i) + " is damaged at byte " + start);
                    }
                    break; // a torn last record: its write was never acknowledged
                }
                last = apply(payload, last, apply, segments.get(i));
            }
        }
        return last;
    }

    /** The next record's payload, or null when what is left is not a whole, intact record. */
    private static byte[] frame(ByteBuffer buffer) {
        if (buffer.remaining() < 8) {
            return null;
        }
        int length = buffer.getInt();
        int crc = buffer.getInt();
        if (length <= 0 || length > buffer.remaining()) {
            return null;
        }
        byte[] payload = new byte[length];
        buffer.get(payload);
        CRC32C check = new CRC32C();
        check.update(payload);
        return (int) check.getValue() == crc ? payload : null;
    }

    private static long apply(byte[] payload, long last, Consumer<Change> apply, Path segment) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            long sequence = in.readLong();
            if (sequence <= last) {
                return last; // already in the store's last checkpoint
            }
            if (sequence != last + 1) {
                throw new DatabaseException("the embedded store's log " + segment + " misses the records " + (last + 1) + " to " + (sequence - 1));
            }
            int changes = in.readInt();
            for (int c = 0; c < changes; c++) {
                String map = readString(in);
                String key = readString(in);
                String value = in.readBoolean() ? readString(in) : null;
                apply.accept(new Change(map, key, value));
            }
            return sequence;
        } catch (IOException e) {
            throw new DatabaseException("a record of the embedded store's log " + segment + " is malformed", e);
        }
    }

    /**
     * Appends one record of {@code changes}; called with the store's write lock held, so that records are in
     * the order their changes were made.
     *
     * @return the record's sequence, to {@link #awaitDurable} on
     */
    long append(List<Change> changes) {
        synchronized (lock) {
            requireWritable();
            long sequence = appended + 1;
            ByteArrayOutputStream record = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(record)) {
                out.writeLong(sequence);
                out.writeInt(changes.size());
                for (Change change : changes) {
                    writeString(out, change.map());
                    writeString(out, change.key());
                    out.writeBoolean(change.value() != null);
                    if (change.value() != null) {
                        writeString(out, change.value());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("writing to memory failed", e);
            }
            byte[] payload = record.toByteArray();
            CRC32C crc = new CRC32C();
            crc.update(payload);
            ByteBuffer header = ByteBuffer.allocate(8).putInt(payload.length).putInt((int) crc.getValue());
            pending.writeBytes(header.array());
            pending.writeBytes(payload);
            bytesSinceRotation += header.capacity() + payload.length;
            appended = sequence;
            lock.notifyAll();
            return sequence;
        }
    }

    /** The sequence of the last record appended. */
    long appended() {
        synchronized (lock) {
            return appended;
        }
    }

    /** How many bytes were appended since the last {@link #rotate}: how much a restart would replay. */
    long bytesSinceRotation() {
        synchronized (lock) {
            return bytesSinceRotation;
        }
    }

    /**
     * Returns once the record {@code sequence} and all before it are written and, with {@code force}, on disk.
     *
     * @throws DatabaseException when the log cannot be written, or the thread is interrupted first
     */
    void awaitDurable(long sequence) {
        synchronized (lock) {
            while (durable < sequence) {
                requireWritable();
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DatabaseException("interrupted before the write was durable", e);
                }
            }
        }
    }

    /**
     * Ends the current segment once all appended records are durable, and starts the next: called by a
     * checkpoint with the store's write lock held, so that no record is appended meanwhile.
     *
     * @return the sequence of the last record in the ended segments
     */
    long rotate() {
        long last = appended();
        awaitDurable(last);
        synchronized (lock) {
            requireWritable();
            try {
                segment.close();
                segment = newSegment(last + 1);
                segmentFirst = last + 1;
                bytesSinceRotation = 0;
            } catch (IOException e) {
                failure = e;
                lock.notifyAll();
                throw new DatabaseException("cannot start a segment of the embedded store's log: " + e.getMessage(), e);
            }
        }
        return last;
    }

    /** Deletes the segments before the current one, whose records a checkpoint on disk holds. */
    void deleteEndedSegments() {
        long current;
        synchronized (lock) {
            current = segmentFirst;
        }
        for (Path segment : segments(file)) {
            if (sequenceOf(segment) < current) {
                deleteQuietly(segment);
            }
        }
    }

    /** Deletes every segment next to {@code file}: called once a checkpoint holds all their records. */
    static void deleteAll(Path file) {
        segments(file).forEach(WriteAheadLog::deleteQuietly);
    }

    private static void deleteQuietly(Path segment) {
        try {
            Files.deleteIfExists(segment);
        } catch (IOException e) {
            throw new DatabaseException("cannot delete the embedded store's log " + segment + ": " + e.getMessage(), e);
        }
    }

    /** Writes what is appended, then stops the writer and closes the segment; later writes fail. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            try {
                segment.close();
            } catch (IOException e) {
                throw new DatabaseException("cannot close the embedded store's log: " + e.getMessage(), e);
            }
        }
    }

    /** The writer thread: takes every record appended so far, writes and forces them, and tells the waiting writers. */
    private void writeBatches() {
        while (true) {
            ByteArrayOutputStream batch;
            long upTo;
            FileChannel channel;
            boolean name;
            synchronized (lock) {
                while (pending.size() == 0 && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (pending.size() == 0 || failure != null) {
                    return;
                }
                batch = pending;
                pending = new ByteArrayOutputStream(Math.max(batch.size(), 4096));
                upTo = appended;
                channel = segment;
                name = !segmentNamed;
            }
            try {
                ByteBuffer bytes = ByteBuffer.wrap(batch.toByteArray());
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                if (force) {
                    channel.force(false);
                    if (name) {
                        forceDirectory(file.toAbsolutePath().getParent());
                    }
                }
            } catch (IOException e) {
                synchronized (lock) {
                    failure = e;
                    lock.notifyAll();
                }
                return;
            }
            synchronized (lock) {
                durable = upTo;
                segmentNamed |= channel == segment;
                lock.notifyAll();
            }
        }
    }

    /** Throws once the log failed or closed: the maps may then hold changes the log lacks, so no write may be acknowledged. */
    private void requireWritable() {
        if (failure != null) {
            throw new DatabaseException("the embedded store's log could not be written: " + failure.getMessage(), failure);
        }
        if (closed) {
            throw new DatabaseException("the embedded store is closed");
        }
    }

    private FileChannel newSegment(long first) throws IOException {
        Path path = segmentPath(first);
        segmentNamed = false;
        return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /** A new file's name is durable only once its directory is forced (Linux); other systems may refuse to open a directory. */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // not supported where directories cannot be opened; the file's own force is what there is
        }
    }

    private Path segmentPath(long first) {
        return file.resolveSibling(file.getFileName() + ".log." + String.format("%020d", first));
    }

    private static List<Path> segments(Path file) {
        String prefix = file.getFileName() + ".log.";
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().substring(prefix.length()).matches("[0-9]{20}"))
                    .sorted(Comparator.comparingLong(WriteAheadLog::sequenceOf)).toList();
        } catch (IOException e) {
            throw new DatabaseException("cannot list the embedded store's log next to " + file + ": " + e.getMessage(), e);
        }
    }

    private static long sequenceOf(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(name.lastIndexOf('.') + 1));
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}

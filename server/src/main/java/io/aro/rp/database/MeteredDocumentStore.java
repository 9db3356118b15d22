package io.aro.rp.database;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A store whose every request is timed, by container, operation and outcome: ok, notFound (including
 * a point read that finds nothing), conflict, preconditionFailed (the 412 that makes a read-modify-write
 * retry) or error.
 */
public final class MeteredDocumentStore implements DocumentStore {
    private final DocumentStore store;
    private final MeterRegistry metrics;
    /** Each timer built once: building one on every request took a fifth of what a create allocated. */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(String container, String operation, String outcome) {
    }

    public MeteredDocumentStore(DocumentStore store, MeterRegistry metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public DocumentContainer container(ContainerSpec spec) {
        DocumentContainer container = store.container(spec);
        String name = spec.name();
        return new DocumentContainer() {
            @Override
            public ObjectNode create(String partitionKey, ObjectNode document) {
                return timed(name, "create", () -> container.create(partitionKey, document));
            }

            @Override
            public Optional<ObjectNode> read(String partitionKey, String id) {
                return timed(name, "read", () -> container.read(partitionKey, id), found -> found.isPresent() ? "ok" : "notFound");
            }

            @Override
            public ObjectNode replace(String partitionKey, ObjectNode document, String etag) {
                return timed(name, "replace", () -> container.replace(partitionKey, document, etag));
            }

            @Override
            public void delete(String partitionKey, String id, String etag) {
                timed(name, "delete", () -> {
                    container.delete(partitionKey, id, etag);
                    return null;
                });
            }

            @Override
            public Page query(Query query, String continuation, int maxItems) {
                return timed(name, "query", () -> container.query(query, continuation, maxItems));
            }

            @Override
            public int dequeuePageSize() {
                return container.dequeuePageSize();
            }
        };
    }

    private <T> T timed(String container, String operation, Supplier<T> request) {
        return timed(container, operation, request, result -> "ok");
    }

    private <T> T timed(String container, String operation, Supplier<T> request, Function<T, String> outcomeOf) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = request.get();
            outcome = outcomeOf.apply(result);
            return result;
        } catch (DocumentNotFoundException e) {
            outcome = "notFound";
            throw e;
        } catch (DocumentConflictException e) {
            outcome = "conflict";
            throw e;
        } catch (PreconditionFailedException e) {
            outcome = "preconditionFailed";
            throw e;
        } finally {
            timers.computeIfAbsent(new TimerKey(container, operation, outcome), key -> Timer.builder("aro.database.requests")
                    .description("Requests to the database, by container, operation and outcome")
                    .tag("container", key.container()).tag("operation", key.operation()).tag("outcome", key.outcome())
                    .publishPercentileHistogram().maximumExpectedValue(Duration.ofSeconds(10))
                    .register(metrics)).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}

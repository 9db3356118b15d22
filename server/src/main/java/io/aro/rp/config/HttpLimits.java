package io.aro.rp.config;

import java.time.Duration;
import java.util.Map;

/**
 * What the frontend accepts from a connection before any route sees it. A request over a limit is
 * refused with a CloudError and its connection closed; a connection idle or stalled for longer than
 * {@code idleTimeout} is closed.
 *
 * @param maxHeaderSize the request line and headers together, in bytes (ARO_HTTP_MAX_HEADER_SIZE, 16384)
 * @param maxUrlLength the request target (path and query), in characters (ARO_HTTP_MAX_URL_LENGTH, 4096)
 * @param maxBodySize a request body, in bytes (ARO_HTTP_MAX_BODY_SIZE, 1048576, as ARO)
 * @param idleTimeout how long a connection may send nothing, before or within a request (ARO_HTTP_IDLE_TIMEOUT, PT5S)
 * @param requestTimeout how long a whole request may take to arrive once it started (ARO_HTTP_REQUEST_TIMEOUT, PT10S)
 * @param workerThreads the threads that run requests (ARO_HTTP_WORKER_THREADS, 4); no thread waits for a body, since a request
 *     reaches a thread only once it arrived whole, so they are sized for the database's latency, not for slow clients: on the
 *     embedded store requests are CPU work, and more threads than cores only switch more (docs/performance.md); with Cosmos DB
 *     a thread waits a network round trip per call, and 32 serve better
 * @param writeThreads the threads that run requests that write (PUT, PATCH, DELETE, POST: ARO_HTTP_WRITE_THREADS, 32), apart
 *     from the others: a write waits until the database has it durably (a forced log on the embedded store, a round trip to
 *     Cosmos DB), and while it waits it must not hold one of the few threads that reads run on
 */
public record HttpLimits(int maxHeaderSize, int maxUrlLength, long maxBodySize, Duration idleTimeout, Duration requestTimeout, int workerThreads,
        int writeThreads) {
    /** The defaults, as documented above. */
    public static final HttpLimits DEFAULTS = new HttpLimits(16 * 1024, 4096, 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(10), 4, 32);

    public HttpLimits {
        if (maxHeaderSize < 1024 || maxUrlLength < 256 || maxBodySize < 1024 || workerThreads < 1 || writeThreads < 1) {
            throw new IllegalArgumentException("HTTP limits too small: headers " + maxHeaderSize + " bytes (at least 1024), URL " + maxUrlLength
                    + " characters (at least 256), body " + maxBodySize + " bytes (at least 1024), " + workerThreads + " worker threads and "
                    + writeThreads + " write threads (at least 1 each)");
        }
        if (idleTimeout.toSeconds() < 1 || requestTimeout.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("ARO_HTTP_IDLE_TIMEOUT must be at least PT1S and ARO_HTTP_REQUEST_TIMEOUT at least as long, not "
                    + idleTimeout + " and " + requestTimeout);
        }
    }

    static HttpLimits fromEnvironment(Map<String, String> env) {
        return new HttpLimits(
                Integer.parseInt(env.getOrDefault("ARO_HTTP_MAX_HEADER_SIZE", String.valueOf(DEFAULTS.maxHeaderSize))),
                Integer.parseInt(env.getOrDefault("ARO_HTTP_MAX_URL_LENGTH", String.valueOf(DEFAULTS.maxUrlLength))),
                Long.parseLong(env.getOrDefault("ARO_HTTP_MAX_BODY_SIZE", String.valueOf(DEFAULTS.maxBodySize))),
                Duration.parse(env.getOrDefault("ARO_HTTP_IDLE_TIMEOUT", DEFAULTS.idleTimeout.toString())),
                Duration.parse(env.getOrDefault("ARO_HTTP_REQUEST_TIMEOUT", DEFAULTS.requestTimeout.toString())),
                Integer.parseInt(env.getOrDefault("ARO_HTTP_WORKER_THREADS", String.valueOf(DEFAULTS.workerThreads))),
                Integer.parseInt(env.getOrDefault("ARO_HTTP_WRITE_THREADS", String.valueOf(DEFAULTS.writeThreads))));
    }
}

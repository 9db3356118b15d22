package io.aro.rp.sdk;

import io.aro.rp.sdk.v20250725.models.CloudErrorBody;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A long-running operation the service accepted (ARM's asynchronous pattern): its status is polled at
 * the {@code Azure-AsyncOperation} URL (or, without one, the {@code Location} URL until it stops
 * answering 202), as often as the service's {@code Retry-After} asks, or at the client's poll interval.
 *
 * @param <T> what the operation ends with: the cluster for a create or update, nothing for a delete
 */
public final class LongRunningOperation<T> {
    private final String name;
    private final ArmTransport transport;
    private final URI asyncOperation;
    private final URI location;
    private final Supplier<T> result;
    private final Duration pollInterval;
    private final Duration defaultTimeout;
    private OperationStatus status;
    private Duration nextPoll;

    LongRunningOperation(String name, ArmTransport transport, HttpHeaders accepted, boolean done, Supplier<T> result, Duration pollInterval,
            Duration defaultTimeout) {
        this.name = name;
        this.transport = transport;
        this.asyncOperation = accepted.firstValue("Azure-AsyncOperation").map(URI::create).orElse(null);
        this.location = accepted.firstValue("Location").map(URI::create).orElse(null);
        this.result = result;
        this.pollInterval = pollInterval;
        this.defaultTimeout = defaultTimeout;
        this.nextPoll = ArmTransport.retryAfter(accepted).orElse(pollInterval);
        this.status = done || (asyncOperation == null && location == null) ? new OperationStatus("Succeeded", null) : new OperationStatus("InProgress", null);
    }

    /** The status last seen, without asking the service. */
    public OperationStatus status() {
        return status;
    }

    /** Asks the service for the status once. */
    public OperationStatus poll() {
        if (status.isTerminal()) {
            return status;
        }
        ArmTransport.Response response = transport.get(asyncOperation != null ? asyncOperation : location);
        status = asyncOperation != null ? transport.read(response.body(), OperationStatus.class)
                : new OperationStatus(response.status() == 202 ? "InProgress" : "Succeeded", null);
        nextPoll = ArmTransport.retryAfter(response.headers()).orElse(pollInterval);
        return status;
    }

    /** Waits for the end within the client's operation timeout; see {@link #waitForCompletion(Duration, Consumer)}. */
    public T waitForCompletion() {
        return waitForCompletion(defaultTimeout, s -> { });
    }

    /**
     * Polls until the operation ends and returns its result.
     *
     * @param timeout how long to wait; the operation goes on in the service after it
     * @param onPoll told every status polled, for a progress indicator
     * @throws OperationFailedException when it ends Failed or Canceled, with the error it reported
     * @throws OperationTimeoutException when it has not ended within {@code timeout}
     */
    public T waitForCompletion(Duration timeout, Consumer<OperationStatus> onPoll) {
        Instant deadline = Instant.now().plus(timeout);
        while (!status.isTerminal()) {
            Duration wait = nextPoll;
            if (Instant.now().plus(wait).isAfter(deadline)) {
                throw new OperationTimeoutException(name, timeout);
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationTimeoutException(name, Duration.between(deadline.minus(timeout), Instant.now()));
            }
            onPoll.accept(poll());
        }
        if (!status.isSucceeded()) {
            CloudErrorBody error = Optional.ofNullable(status.error())
                    .orElseGet(() -> new CloudErrorBody().code(status.status()).message(name + " ended " + status.status() + "."));
            throw new OperationFailedException(status.status(), error);
        }
        return result.get();
    }
}

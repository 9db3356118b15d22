package io.aro.rp.cloud.azure;

import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import io.aro.rp.cloud.TransientCloudException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for ARM's long-running operations (polled by the SDK through Azure-AsyncOperation or Location,
 * at the interval ARM's Retry-After asks for), bounded by a timeout and stopped by an interrupt, which
 * is how a worker that lost its lease is stopped.
 */
final class LongRunningOperations {
    private final Duration defaultInterval;
    private final Duration timeout;

    LongRunningOperations(AzureCloudSettings settings) {
        this.defaultInterval = settings.pollInterval();
        this.timeout = settings.operationTimeout();
    }

    /**
     * The operation's result once it succeeded. The SDK polls, waiting what each of ARM's responses asks
     * in Retry-After; an operation that ends Failed or Canceled is ARM's error for the user (see
     * {@link ArmErrors}), and a request ARM refused is the SDK's ManagementException.
     */
    <T> T await(SyncPoller<PollResult<T>, T> poller, String what) {
        poller.setPollInterval(defaultInterval);
        PollResponse<PollResult<T>> last;
        try {
            last = poller.waitForCompletion(timeout);
        } catch (ManagementException e) {
            throw e;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || causedBy(e, InterruptedException.class)) {
                Thread.currentThread().interrupt();
                throw new TransientCloudException("stopped waiting for " + what, e);
            }
            if (causedBy(e, TimeoutException.class)) {
                throw new TransientCloudException(what + " has not finished within " + timeout, e);
            }
            throw e;
        }
        if (last.getStatus() != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
            PollResult.Error error = last.getValue() == null ? null : last.getValue().getError();
            throw ArmErrors.operationFailed(error == null ? null : error.getResponseBody(), what, last.getStatus().toString());
        }
        return poller.getFinalResult();
    }

    /**
     * Reads until what is read is {@code done}, at the default interval, and returns it: for an operation
     * another worker started, which only its resource's state tells about.
     */
    <T> T awaitState(Supplier<T> read, Predicate<T> done, String what) {
        Instant deadline = Instant.now().plus(timeout);
        T state = read.get();
        while (!done.test(state)) {
            sleepUntilNextPoll(deadline, what);
            state = read.get();
        }
        return state;
    }

    private void sleepUntilNextPoll(Instant deadline, String what) {
        if (Instant.now().plus(defaultInterval).isAfter(deadline)) {
            throw new TransientCloudException(what + " has not finished within " + timeout);
        }
        try {
            Thread.sleep(defaultInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientCloudException("stopped waiting for " + what, e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}

package io.aro.rp.backend;

/** The worker must stop: its lease was lost (a heartbeat failed) or the process is stopping. */
final class WorkCancelledException extends RuntimeException {
    WorkCancelledException(String message) {
        super(message, null, false, false);
    }
}

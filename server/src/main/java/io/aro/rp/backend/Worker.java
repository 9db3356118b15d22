package io.aro.rp.backend;

/** A unit of backend work on one leased document, which a failed heartbeat or a stopping process cancels. */
abstract class Worker implements Runnable {
    private volatile boolean cancelled;
    private volatile String cancelReason;
    private volatile Thread thread;

    /** Stops the work at its next step; interrupts a step that waits. */
    final void cancel(String reason) {
        cancelReason = reason;
        cancelled = true;
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    final boolean isCancelled() {
        return cancelled;
    }

    final void checkNotCancelled() {
        if (cancelled) {
            throw new WorkCancelledException(cancelReason);
        }
    }

    @Override
    public final void run() {
        thread = Thread.currentThread();
        try {
            work();
        } finally {
            thread = null;
            Thread.interrupted(); // a cancellation's interrupt must not leak into the pool's next task
        }
    }

    abstract void work();
}

package io.aro.rp.cli;

import com.azure.core.util.polling.SyncPoller;
import java.io.PrintWriter;

/**
 * Waits for a long-running operation (polled by azure-core as often as the service's Retry-After
 * asks) while a spinner runs on standard error, as az shows " - Running ..": standard output keeps the
 * result only.
 */
final class Progress {
    private static final String FRAMES = "|/-\\";

    private Progress() {
    }

    /** The operation's result; a failed operation is the ManagementException azure-core raises. */
    static <T> T await(SyncPoller<?, T> poller, PrintWriter err, boolean spin) {
        if (!spin) {
            poller.waitForCompletion();
            return poller.getFinalResult();
        }
        Thread spinner = new Thread(() -> {
            try {
                for (int frame = 0; !Thread.currentThread().isInterrupted(); frame++) {
                    synchronized (err) {
                        err.print("\r " + FRAMES.charAt(frame % FRAMES.length()) + " Running ..");
                        err.flush();
                    }
                    Thread.sleep(250);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "progress");
        spinner.setDaemon(true);
        spinner.start();
        try {
            poller.waitForCompletion();
            return poller.getFinalResult();
        } finally {
            spinner.interrupt();
            try {
                spinner.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (err) {
                err.print("\r" + " ".repeat(16) + "\r");
                err.flush();
            }
        }
    }
}

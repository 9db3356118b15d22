package io.aro.rp.cli;

/** What the exit code of {@code aro} says, for scripts: 0 done, 2 a wrong command line (picocli's), and these. */
final class ExitCodes {
    /** The service refused the request; its CloudError is on standard error. */
    static final int REFUSED = 1;
    /** The long-running operation ended Failed or Canceled. */
    static final int OPERATION_FAILED = 3;
    /** The long-running operation did not end within --timeout; it goes on in the service. */
    static final int TIMED_OUT = 4;
    /** The service could not be reached (or something failed locally, such as writing a file). */
    static final int UNREACHABLE = 5;

    private ExitCodes() {
    }
}

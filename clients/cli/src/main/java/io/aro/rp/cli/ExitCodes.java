package io.aro.rp.cli;

/** The exit codes of Azure CLI, which scripts written for {@code az aro} test. */
final class ExitCodes {
    static final int SUCCESS = 0;
    /** Any error: the service refused the request, an operation failed, a check failed, a file exists. */
    static final int ERROR = 1;
    /** The command line is wrong. */
    static final int USAGE = 2;
    /** The resource (or one it needs) does not exist. */
    static final int NOT_FOUND = 3;

    private ExitCodes() {
    }
}

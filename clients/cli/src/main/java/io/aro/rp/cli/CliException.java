package io.aro.rp.cli;

/** An error for the user, in Azure CLI's terms: a message and the exit code it ends the command with. */
final class CliException extends RuntimeException {
    private final int exitCode;

    CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(String message) {
        this(message, ExitCodes.ERROR);
    }

    static CliException notFound(String message) {
        return new CliException(message, ExitCodes.NOT_FOUND);
    }

    int exitCode() {
        return exitCode;
    }
}

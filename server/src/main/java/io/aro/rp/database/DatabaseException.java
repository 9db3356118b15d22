package io.aro.rp.database;

/** A database operation failed. The subclasses name the failures callers handle: conflict, precondition, not found, lost lease. */
public class DatabaseException extends RuntimeException {
    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.aro.rp.database;

/** A conditional write found the document at another ETag than the caller read (HTTP 412). */
public class PreconditionFailedException extends DatabaseException {
    public PreconditionFailedException(String message) {
        super(message);
    }

    public PreconditionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

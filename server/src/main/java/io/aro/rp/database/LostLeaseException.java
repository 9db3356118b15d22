package io.aro.rp.database;

/** This process no longer holds the lease on a document it works on: another process took it after it expired. */
public class LostLeaseException extends DatabaseException {
    public LostLeaseException(String message) {
        super(message);
    }
}

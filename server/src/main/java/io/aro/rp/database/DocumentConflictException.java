package io.aro.rp.database;

/** A document's id or unique key is already taken in its partition (HTTP 409). */
public class DocumentConflictException extends DatabaseException {
    public DocumentConflictException(String message) {
        super(message);
    }

    public DocumentConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.aro.rp.database;

/** The document does not exist (HTTP 404). */
public class DocumentNotFoundException extends DatabaseException {
    public DocumentNotFoundException(String message) {
        super(message);
    }

    public DocumentNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.aro.rp.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * An ARM error: the HTTP status and the {@code {"error":{"code","message","target","details"}}} body.
 * Immutable; serialises as the body.
 */
public final class CloudError {
    private final int statusCode;
    private final CloudErrorBody error;

    public CloudError(int statusCode, CloudErrorBody error) {
        this.statusCode = statusCode;
        this.error = Objects.requireNonNull(error, "error");
    }

    @JsonCreator
    static CloudError fromJson(@JsonProperty("error") CloudErrorBody error) {
        return new CloudError(0, error);
    }

    /** A 400 with the given code, target and message. */
    public static CloudError badRequest(String code, String target, String message) {
        return new CloudError(400, new CloudErrorBody(code, message, target, null));
    }

    @JsonIgnore
    public int getStatusCode() {
        return statusCode;
    }

    @JsonProperty("error")
    public CloudErrorBody getError() {
        return error;
    }

    /** This error as an exception, to abort the request that caused it. */
    public CloudErrorException toException() {
        return new CloudErrorException(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CloudError other && statusCode == other.statusCode && error.equals(other.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(statusCode, error);
    }

    @Override
    public String toString() {
        return statusCode + " " + error;
    }
}

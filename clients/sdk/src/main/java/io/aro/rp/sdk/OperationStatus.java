package io.aro.rp.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aro.rp.sdk.v20250725.models.CloudErrorBody;
import java.util.Set;

/**
 * The status of a long-running operation, as its {@code Azure-AsyncOperation} URL reports it.
 *
 * @param status {@code InProgress} (or another non-terminal state) until {@code Succeeded}, {@code Failed} or {@code Canceled}
 * @param error why it failed, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OperationStatus(String status, CloudErrorBody error) {
    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "canceled");

    public boolean isTerminal() {
        return status != null && TERMINAL.contains(status.toLowerCase());
    }

    public boolean isSucceeded() {
        return "succeeded".equalsIgnoreCase(status);
    }
}

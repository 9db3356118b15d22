package io.aro.rp.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/** The body of an ARM error. Immutable. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class CloudErrorBody {
    private final String code;
    private final String message;
    private final String target;
    private final List<CloudErrorBody> details;

    @JsonCreator
    public CloudErrorBody(@JsonProperty("code") String code, @JsonProperty("message") String message,
            @JsonProperty("target") String target, @JsonProperty("details") List<CloudErrorBody> details) {
        this.code = code;
        this.message = message;
        this.target = target;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    public String getCode() {
        return code;
    }

    public String getMessage() {
        return message;
    }

    public String getTarget() {
        return target;
    }

    public List<CloudErrorBody> getDetails() {
        return details;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CloudErrorBody other && Objects.equals(code, other.code) && Objects.equals(message, other.message)
                && Objects.equals(target, other.target) && details.equals(other.details);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, message, target, details);
    }

    @Override
    public String toString() {
        return code + (target == null ? "" : " [" + target + "]") + ": " + message;
    }
}

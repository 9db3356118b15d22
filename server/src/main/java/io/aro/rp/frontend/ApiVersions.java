package io.aro.rp.frontend;

import io.aro.rp.api.ApiVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The API versions this RP serves, oldest first. */
public final class ApiVersions {
    private static final Map<String, ApiVersion<?>> VERSIONS = new LinkedHashMap<>();

    static {
        VERSIONS.put(io.aro.rp.api.v20200430.Registration.NAME, io.aro.rp.api.v20200430.Registration.API);
        VERSIONS.put(io.aro.rp.api.v20231122.Registration.NAME, io.aro.rp.api.v20231122.Registration.API);
    }

    private ApiVersions() {
    }

    public static Optional<ApiVersion<?>> get(String name) {
        return Optional.ofNullable(VERSIONS.get(name));
    }

    public static String latest() {
        return io.aro.rp.api.v20231122.Registration.NAME;
    }

    /** The served versions, comma separated, for error messages. */
    public static String names() {
        return String.join(", ", VERSIONS.keySet());
    }
}

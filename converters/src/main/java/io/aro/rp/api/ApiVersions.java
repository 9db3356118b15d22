package io.aro.rp.api;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The API versions the RP serves (ARO's api.APIs): a version is served once it has its line here. */
public final class ApiVersions {
    private static final List<ApiVersion> ALL = List.of(
            io.aro.rp.api.v20200430.Registration.API,
            io.aro.rp.api.v20220401.Registration.API,
            io.aro.rp.api.v20220904.Registration.API,
            io.aro.rp.api.v20230401.Registration.API,
            io.aro.rp.api.v20230904.Registration.API,
            io.aro.rp.api.v20231122.Registration.API,
            io.aro.rp.api.v20250725.Registration.API);

    private ApiVersions() {
    }

    /** Every served version, oldest first. */
    public static List<ApiVersion> all() {
        return ALL.stream().sorted(Comparator.comparing(ApiVersion::name)).toList();
    }

    public static Optional<ApiVersion> get(String name) {
        return ALL.stream().filter(api -> api.name().equals(name)).findFirst();
    }

    /** The newest version (api-versions are dates, so they sort as strings). */
    public static ApiVersion latest() {
        return ALL.stream().max(Comparator.comparing(ApiVersion::name)).orElseThrow();
    }

    /** The served versions, comma separated, for error messages. */
    public static String names() {
        return all().stream().map(ApiVersion::name).collect(Collectors.joining(", "));
    }
}

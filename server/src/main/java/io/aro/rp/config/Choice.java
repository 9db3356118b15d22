package io.aro.rp.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A setting with a fixed set of values, written in lower case with dashes (ARO_AZURE_CREDENTIAL=managed-identity). */
final class Choice {
    private Choice() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String variable, String value) {
        for (E constant : type.getEnumConstants()) {
            if (name(constant).equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(variable + " must be one of " + Arrays.stream(type.getEnumConstants()).map(Choice::name)
                .collect(Collectors.joining(", ")) + ", not " + value);
    }

    /** How a value is written: MANAGED_IDENTITY is managed-identity. */
    static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

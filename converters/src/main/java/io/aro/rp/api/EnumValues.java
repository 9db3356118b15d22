package io.aro.rp.api;

import java.util.function.Function;

/**
 * Maps enumerated values by their spelling: between internal enums and the open value classes that
 * each API version generates, and from the strings the API and the database use.
 */
public final class EnumValues {
    private EnumValues() {
    }

    /**
     * The constant whose {@code toString()} is {@code value}, or null for null.
     *
     * @throws IllegalArgumentException when no constant is spelt so; validators reject such values first
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + value + "'");
    }

    /** The API version's value spelt as {@code internal}, or null for null. */
    public static <E> E asExternal(Enum<?> internal, Function<String, E> fromValue) {
        return internal == null ? null : fromValue.apply(internal.toString());
    }

    /** The internal constant spelt as the API version's {@code external} value, or null for null. */
    public static <I extends Enum<I>> I asInternal(Class<I> type, Object external) {
        return external == null ? null : parse(type, external.toString());
    }
}

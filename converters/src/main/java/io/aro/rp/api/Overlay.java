package io.aro.rp.api;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How converters lay a request over the internal model: a given value replaces the current one, an
 * absent one (null or an empty string) keeps it, and a named profile is laid over the current profile
 * of the same name so that the properties a version does not know survive.
 */
public final class Overlay {
    private Overlay() {
    }

    /** Passes {@code value} to {@code setter} unless it is null or an empty string. */
    public static <T> void ifGiven(T value, Consumer<T> setter) {
        if (value != null && !(value instanceof String s && s.isEmpty())) {
            setter.accept(value);
        }
    }

    /** The element of {@code current} named {@code name}, or a new one. */
    public static <P> P sameName(List<P> current, String name, Function<P, String> nameOf, Supplier<P> otherwise) {
        if (current != null && name != null) {
            for (P profile : current) {
                if (name.equals(nameOf.apply(profile))) {
                    return profile;
                }
            }
        }
        return otherwise.get();
    }
}

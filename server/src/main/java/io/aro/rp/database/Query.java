package io.aro.rp.database;

import java.util.List;
import java.util.Objects;

/**
 * A query both stores answer the same way: conditions that all must hold, optionally within one
 * partition, ordered by one field (then by id). Kept this small on purpose, so that the embedded store
 * evaluates exactly what Cosmos DB's SQL does and neither needs stored procedures, triggers or
 * OFFSET/LIMIT.
 *
 * @param partitionKey the partition to search, or null for all partitions
 * @param conditions what every result must satisfy
 * @param orderBy the field path the results are ordered by, or null for id order
 */
public record Query(String partitionKey, List<Condition> conditions, String orderBy) {
    public Query {
        conditions = List.copyOf(conditions);
        if (orderBy != null) {
            Condition.checkPath(orderBy);
        }
    }

    /** A condition on the value at a dotted field path, such as {@code openShiftCluster.properties.provisioningState}. */
    public sealed interface Condition {
        String path();

        /** The value is this string. */
        record Equals(String path, String value) implements Condition {
            public Equals {
                checkPath(path);
                Objects.requireNonNull(value, "value");
            }
        }

        /** The value is one of these strings. */
        record In(String path, List<String> values) implements Condition {
            public In {
                checkPath(path);
                values = List.copyOf(values);
            }
        }

        /** The value starts with this string. */
        record StartsWith(String path, String prefix) implements Condition {
            public StartsWith {
                checkPath(path);
                Objects.requireNonNull(prefix, "prefix");
            }
        }

        /** The value, taken as 0 when absent, is a number less than this one. */
        record LessThanOrAbsent(String path, long value) implements Condition {
            public LessThanOrAbsent {
                checkPath(path);
            }
        }

        /** The value is {@code true} (absent counts as false). */
        record IsTrue(String path) implements Condition {
            public IsTrue {
                checkPath(path);
            }
        }

        private static void checkPath(String path) {
            if (!path.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
                throw new IllegalArgumentException("not a field path: " + path);
            }
        }
    }
}

package io.aro.rp.database.cosmos;

import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import io.aro.rp.database.Query;
import io.aro.rp.database.Query.Condition;
import java.util.ArrayList;
import java.util.List;

/** Writes a {@link Query} as parameterised Cosmos DB SQL, the same conditions {@code QueryMatcher} evaluates. */
final class CosmosSql {
    private CosmosSql() {
    }

    static SqlQuerySpec toSql(Query query, String partitionKeyField) {
        List<String> where = new ArrayList<>();
        List<SqlParameter> parameters = new ArrayList<>();
        if (query.partitionKey() != null) {
            // Redundant with the request's partition key, but lets servers that check the SQL see it.
            where.add("c." + partitionKeyField + " = @pk");
            parameters.add(new SqlParameter("@pk", query.partitionKey()));
        }
        for (Condition condition : query.conditions()) {
            String field = "c." + condition.path();
            String p = "@p" + parameters.size();
            if (condition instanceof Condition.Equals c) {
                where.add(field + " = " + p);
                parameters.add(new SqlParameter(p, c.value()));
            } else if (condition instanceof Condition.In c) {
                List<String> names = new ArrayList<>();
                for (String value : c.values()) {
                    String name = "@p" + parameters.size();
                    names.add(name);
                    parameters.add(new SqlParameter(name, value));
                }
                where.add(names.isEmpty() ? "false" : field + " IN (" + String.join(", ", names) + ")");
            } else if (condition instanceof Condition.StartsWith c) {
                where.add("STARTSWITH(" + field + ", " + p + ")");
                parameters.add(new SqlParameter(p, c.prefix()));
            } else if (condition instanceof Condition.LessThanOrAbsent c) {
                where.add("(" + field + " ?? 0) < " + p);
                parameters.add(new SqlParameter(p, c.value()));
            } else if (condition instanceof Condition.IsTrue) {
                where.add("(" + field + " ?? false) = true");
            } else {
                throw new IllegalArgumentException("unknown condition " + condition);
            }
        }
        String sql = "SELECT * FROM c" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + (query.orderBy() == null ? "" : " ORDER BY c." + query.orderBy());
        return new SqlQuerySpec(sql, parameters);
    }
}

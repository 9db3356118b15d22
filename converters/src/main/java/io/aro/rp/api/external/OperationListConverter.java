package io.aro.rp.api.external;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.Operations;

/** GET /providers/Microsoft.RedHatOpenShift/operations: the same list in every API version. */
public final class OperationListConverter {
    private OperationListConverter() {
    }

    public static ObjectNode toExternal() {
        ObjectNode list = ExternalJson.MAPPER.createObjectNode();
        ArrayNode value = list.putArray("value");
        for (Operations.Operation op : Operations.ALL) {
            ObjectNode operation = value.addObject().put("name", op.name());
            operation.putObject("display")
                    .put("provider", Operations.Operation.PROVIDER)
                    .put("resource", op.resource())
                    .put("operation", op.operation())
                    .put("description", op.description());
            operation.put("origin", Operations.Operation.ORIGIN);
        }
        return list;
    }
}

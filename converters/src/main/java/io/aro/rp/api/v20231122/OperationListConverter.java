package io.aro.rp.api.v20231122;

import io.aro.rp.api.Operations;
import io.aro.rp.generated.v20231122.model.Display;
import io.aro.rp.generated.v20231122.model.Operation;
import io.aro.rp.generated.v20231122.model.OperationList;

/** The RP's operations in the 2023-11-22 model. */
public final class OperationListConverter {
    public OperationList toExternal() {
        return new OperationList().value(Operations.ALL.stream()
                .map(op -> new Operation().name(op.name()).origin(Operations.Operation.ORIGIN).display(new Display()
                        .provider(Operations.Operation.PROVIDER).resource(op.resource()).operation(op.operation()).description(op.description())))
                .toList());
    }
}

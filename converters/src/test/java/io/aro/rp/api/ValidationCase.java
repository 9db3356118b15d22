package io.aro.rp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.function.Executable;

/**
 * One row of a validation table: an edit of the example request and the CloudError it must cause
 * (code, target and message), or none.
 */
public record ValidationCase(String name, UnaryOperator<ObjectNode> edit, boolean isCreate, String code, String target,
        String message) {

    public static ValidationCase valid(String name, UnaryOperator<ObjectNode> edit) {
        return new ValidationCase(name, edit, true, null, null, null);
    }

    public static ValidationCase validOnUpdate(String name, UnaryOperator<ObjectNode> edit) {
        return new ValidationCase(name, edit, false, null, null, null);
    }

    public static ValidationCase invalid(String name, UnaryOperator<ObjectNode> edit, String target, String message) {
        return new ValidationCase(name, edit, true, CloudErrorCodes.INVALID_PARAMETER, target, message);
    }

    public static ValidationCase invalid(String name, UnaryOperator<ObjectNode> edit, String code, String target, String message) {
        return new ValidationCase(name, edit, true, code, target, message);
    }

    public static ValidationCase invalidOnUpdate(String name, UnaryOperator<ObjectNode> edit, String target, String message) {
        return new ValidationCase(name, edit, false, CloudErrorCodes.INVALID_PARAMETER, target, message);
    }

    /** Runs {@code validation} and checks that it fails exactly as this case says, or passes. */
    public void check(Executable validation) throws Throwable {
        if (code == null) {
            validation.execute();
            return;
        }
        CloudError error = assertThrows(CloudErrorException.class, validation).getCloudError();
        assertEquals(400, error.getStatusCode(), "status");
        assertEquals(code, error.getError().getCode(), "code");
        assertEquals(target, error.getError().getTarget(), "target");
        assertEquals(message, error.getError().getMessage(), "message");
    }

    @Override
    public String toString() {
        return name;
    }
}

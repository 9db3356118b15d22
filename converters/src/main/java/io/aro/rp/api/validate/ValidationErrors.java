package io.aro.rp.api.validate;

import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.CloudErrorException;

/** Builds the 400 CloudErrors that validation aborts a request with. */
public final class ValidationErrors {
    private ValidationErrors() {
    }

    /** A 400 {@code InvalidParameter} for {@code target}; {@code message} is a format string. */
    public static CloudErrorException invalidParameter(String target, String message, Object... args) {
        return badRequest(CloudErrorCodes.INVALID_PARAMETER, target, message, args);
    }

    /** A 400 with the given code for {@code target}; {@code message} is a format string. */
    public static CloudErrorException badRequest(String code, String target, String message, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] == null ? "" : args[i]; // an absent value reads as '' in the message, as in ARO
        }
        return CloudError.badRequest(code, target, String.format(message, shown)).toException();
    }
}

package io.aro.rp.api.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shape of a Red Hat pull secret: a JSON object whose {@code auths} is an object of registries. */
public final class PullSecrets {
    /** Exactly one JSON object: bytes after it make no pull secret. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PullSecrets() {
    }

    /** Whether {@code pullSecret} is a JSON object with an {@code auths} object whose entries are objects. */
    public static boolean isValid(String pullSecret) {
        JsonNode node;
        try {
            node = JSON.readTree(pullSecret);
        } catch (JsonProcessingException e) {
            return false;
        }
        if (node == null || !node.isObject() || !node.path("auths").isObject()) {
            return false;
        }
        for (JsonNode registry : node.path("auths")) {
            if (!registry.isObject()) {
                return false;
            }
        }
        return true;
    }
}

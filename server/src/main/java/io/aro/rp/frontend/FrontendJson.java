package io.aro.rp.frontend;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aro.rp.api.external.ExternalJson;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON of the API ({@link ExternalJson}): absent properties left out, ISO timestamps, unknown
 * request properties ignored (as ARO does). One mapper for the whole process: building one per request
 * is expensive.
 */
@Provider
public final class FrontendJson implements ContextResolver<ObjectMapper> {
    public static final ObjectMapper MAPPER = ExternalJson.MAPPER;

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return MAPPER;
    }
}

package io.aro.rp.frontend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.aro.rp.api.SystemData;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** ARM's {@code x-ms-arm-resource-system-data} header: who created and last modified the resource, and when. */
final class SystemDataHeader {
    private static final Logger LOG = LoggerFactory.getLogger(SystemDataHeader.class);

    private SystemDataHeader() {
    }

    /** The header's system data; empty when there is no header or it cannot be read (ARO ignores a bad one too). */
    static Optional<SystemData> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode json = FrontendJson.MAPPER.readTree(header);
            SystemData sd = new SystemData();
            sd.setCreatedBy(text(json, "createdBy"));
            sd.setCreatedByType(text(json, "createdByType"));
            sd.setCreatedAt(time(json, "createdAt"));
            sd.setLastModifiedBy(text(json, "lastModifiedBy"));
            sd.setLastModifiedByType(text(json, "lastModifiedByType"));
            sd.setLastModifiedAt(time(json, "lastModifiedAt"));
            return Optional.of(sd);
        } catch (JsonProcessingException | DateTimeParseException e) {
            LOG.warn("ignoring an unreadable x-ms-arm-resource-system-data header");
            return Optional.empty();
        }
    }

    private static String text(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.get(field).asText() : null;
    }

    private static Instant time(JsonNode json, String field) {
        return json.hasNonNull(field) ? OffsetDateTime.parse(json.get(field).asText()).toInstant() : null;
    }
}

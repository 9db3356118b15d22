package io.aro.rp.database;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.aro.rp.api.SecureString;
import java.io.IOException;

/** The JSON form of documents in the database: ISO timestamps, absent fields left out, secrets sealed. */
public final class DocumentJson {
    private DocumentJson() {
    }

    /**
     * A mapper that shows documents to SREs (the admin API): every {@link SecureString} written as
     * {@code "[redacted]"}, so that what exists shows and what it holds does not.
     */
    public static ObjectMapper redacted() {
        SimpleModule secrets = new SimpleModule("redacted-secrets");
        secrets.addSerializer(SecureString.class, new JsonSerializer<>() {
            @Override
            public void serialize(SecureString value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(REDACTED);
            }
        });
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(secrets)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** What a secret shows as to SREs. */
    public static final String REDACTED = "[redacted]";

    /** A mapper for documents whose {@link SecureString}s {@code cipher} seals on write and opens on read. */
    public static ObjectMapper mapper(SecretCipher cipher) {
        SimpleModule secrets = new SimpleModule("sealed-secrets");
        secrets.addSerializer(SecureString.class, new JsonSerializer<>() {
            @Override
            public void serialize(SecureString value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(cipher.seal(value.reveal()));
            }
        });
        secrets.addDeserializer(SecureString.class, new JsonDeserializer<>() {
            @Override
            public SecureString deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String sealed = p.getValueAsString();
                return SecureString.revealedBy(() -> cipher.open(sealed));
            }
        });
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(secrets)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}

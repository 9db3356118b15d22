package io.aro.rp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** The RP's own logging (tests log through logback-test.xml): JSON lines, correlation ids, the audit file apart. */
class LogConfigurationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void linesAreJsonWithTheRequestsIdsAndAdminCallsGoToTheAuditFile() throws Exception {
        Path audit = dir.resolve("audit.log");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setProperty("ARO_AUDIT_LOG", audit.toString());
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            LoggerContext context = new LoggerContext();
            context.setMDCAdapter(MDC.getMDCAdapter());
            context.start();
            LogConfiguration.configureJson(context);
            MDC.put("requestId", "r-1");
            context.getLogger("io.aro.rp.frontend.access").atInfo().addKeyValue("status", 200).log("request served");
            context.getLogger("io.aro.rp.backend").debug("below the level");
            context.getLogger("org.glassfish.grizzly").info("a library's info");
            context.getLogger("io.aro.rp.audit").info("admin call");
            context.stop(); // drains the queues
        } finally {
            MDC.clear();
            System.setOut(original);
            System.clearProperty("ARO_AUDIT_LOG");
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        assertEquals(1, lines.size(), "only the RP's line at INFO: " + lines);
        assertEquals("request served", lines.get(0).path("message").asText());
        assertEquals("r-1", lines.get(0).path("requestId").asText());
        assertEquals(200, lines.get(0).path("status").asInt());
        String audited = Files.readString(audit);
        assertEquals("admin call", JSON.readTree(audited).path("message").asText());
        assertFalse(stdout.toString(StandardCharsets.UTF_8).contains("admin call"), "audit lines stay out of the operational log");
        assertTrue(audited.endsWith("\n"));
    }
}

package io.aro.rp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The image Jib builds (server/pom.xml) and the one deploy/Dockerfile builds are the same: base, JVM
 * flags, main class, user, ports, data directory; and the Helm chart runs it as that user, on those ports.
 * The images themselves are built by separate commands (the base image's registry is out of the build's reach).
 */
class ContainerImageTest {
    private static final String JIB = "/project/build/plugins/plugin[artifactId='jib-maven-plugin']/configuration";

    private static List<String> pom(String xpath) {
        try {
            Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
            XPath path = XPathFactory.newInstance().newXPath();
            NodeList nodes = (NodeList) path.evaluate(xpath, pom, XPathConstants.NODESET);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(nodes.item(i).getTextContent().strip());
            }
            assertTrue(!values.isEmpty(), "server/pom.xml has " + xpath);
            return values;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String instruction(String dockerfile, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " (.+)$").matcher(dockerfile);
        assertTrue(m.find(), "the Dockerfile has " + name);
        return m.group(1).strip();
    }

    @Test
    void jibAndTheDockerfileMakeTheSameImage() throws IOException {
        String dockerfile = Files.readString(Path.of("..", "deploy", "Dockerfile"));
        assertEquals(pom(JIB + "/from/image").get(0), instruction(dockerfile, "FROM"));
        assertEquals(pom(JIB + "/container/user").get(0), instruction(dockerfile, "USER"));
        assertEquals("ARO_DATA_DIR=" + pom(JIB + "/container/environment/ARO_DATA_DIR").get(0), instruction(dockerfile, "ENV"));
        assertEquals(String.join(" ", pom(JIB + "/container/ports/port")), instruction(dockerfile, "EXPOSE"));

        List<String> entrypoint = new ArrayList<>();
        new YAMLMapper().readTree(instruction(dockerfile, "ENTRYPOINT")).forEach(arg -> entrypoint.add(arg.asText()));
        List<String> expected = new ArrayList<>(List.of("java"));
        expected.addAll(pom(JIB + "/container/jvmFlags/jvmFlag"));
        expected.addAll(List.of("-jar", "/app/aro-rp-server.jar"));
        assertEquals(expected, entrypoint, "the same JVM flags");
        assertEquals(pom("/project/build/plugins/plugin[artifactId='maven-jar-plugin']/configuration/archive/manifest/mainClass"),
                pom(JIB + "/container/mainClass"), "java -jar runs the jar's main class, which is Jib's");
    }

    @Test
    void theChartRunsTheImageAsItsUserOnItsPorts() throws IOException {
        String pod = Files.readString(Path.of("..", "deploy", "helm", "aro-rp", "templates", "_helpers.tpl"));
        assertTrue(pod.contains("runAsUser: " + pom(JIB + "/container/user").get(0).split(":")[0]), "the pod's user is the image's");
        JsonNode values = new YAMLMapper().readTree(Path.of("..", "deploy", "helm", "aro-rp", "values.yaml").toFile());
        List<String> ports = pom(JIB + "/container/ports/port");
        assertTrue(ports.contains(values.at("/frontend/port").asText()), "the frontend's port is exposed");
        assertTrue(pod.contains("containerPort: 8081") && ports.contains("8081"), "the management port is exposed");
    }
}

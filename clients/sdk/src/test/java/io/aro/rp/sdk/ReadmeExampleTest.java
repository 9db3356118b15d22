package io.aro.rp.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example in clients/README.md compiles against the SDK and does what it says against the real RP. */
class ReadmeExampleTest {
    @Test
    void theReadmeExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "clients/README.md has a Java example");
        Path source = dir.resolve("Example.java");
        Files.writeString(source, block.group(1));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = javac.run(null, diagnostics, diagnostics, "-classpath", System.getProperty("java.class.path"), "-d", dir.toString(),
                source.toString());
        assertEquals(0, compiled, diagnostics.toString(StandardCharsets.UTF_8));

        try (LocalRp rp = new LocalRp(dir.resolve("rp")); URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream stdout = System.out;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                loader.loadClass("Example").getMethod("main", String[].class)
                        .invoke(null, (Object) new String[] {rp.uri().toString(), rp.subscriptionId()});
            } finally {
                System.setOut(stdout);
            }
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("console: https://console-openshift-console.apps."), printed);
            assertTrue(printed.contains("example Succeeded"), printed);
            assertTrue(printed.contains("deleted: ResourceNotFound"), printed);
        }
    }
}

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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples in clients/README.md compile against the SDK, and the local one does what it says against the real RP. */
class ReadmeExampleTest {
    @Test
    void theReadmeExamplesCompileAndTheLocalOneRuns(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<String> sources = new ArrayList<>();
        while (block.find()) {
            Matcher name = Pattern.compile("public class (\\w+)").matcher(block.group(1));
            assertTrue(name.find(), "each example is a class: " + block.group(1));
            Path source = dir.resolve(name.group(1) + ".java");
            Files.writeString(source, block.group(1));
            sources.add(source.toString());
        }
        assertEquals(2, sources.size(), "clients/README.md has the quick start against Azure and the local example");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString()));
        arguments.addAll(sources);
        int compiled = javac.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
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
            assertTrue(printed.contains("example Succeeded, console: https://console-openshift-console.apps."), printed);
            assertTrue(printed.contains("kubeadmin password set: true"), printed);
            assertTrue(printed.contains("deleted: ResourceNotFound"), printed);
        }
    }
}

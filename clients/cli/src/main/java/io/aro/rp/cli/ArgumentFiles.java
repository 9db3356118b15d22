package io.aro.rp.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** As az: an argument {@code @path} is the content of that file (a pull secret, a JSON value), without its final newline. */
final class ArgumentFiles {
    private ArgumentFiles() {
    }

    static String[] expand(String[] args) {
        String[] expanded = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            expanded[i] = args[i].length() > 1 && args[i].startsWith("@") ? read(Path.of(args[i].substring(1))) : args[i];
        }
        return expanded;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\r?\\n$", "");
        } catch (IOException e) {
            throw new CliException("Cannot read the argument file " + file + ": " + e.getMessage(), ExitCodes.USAGE);
        }
    }
}

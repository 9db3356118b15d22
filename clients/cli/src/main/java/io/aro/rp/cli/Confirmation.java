package io.aro.rp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** As az asks before what cannot be undone: "y" goes on; without an answer to read, --yes is needed. */
final class Confirmation {
    private Confirmation() {
    }

    static boolean ask(AroSubcommand command, String question) {
        command.err().print(question + " (y/n): ");
        command.err().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(command.aro().in, StandardCharsets.UTF_8)).readLine();
            if (answer == null) {
                throw new CliException("Unable to prompt for confirmation as no tty available. Use --yes.");
            }
            return answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.aro.rp.cli;

import java.util.List;
import java.util.stream.Collectors;

/** An enum-valued argument, matched case-insensitively against the API's values as az does ("private" is "Private"). */
final class Choices {
    private Choices() {
    }

    static <T> T choose(String value, String option, List<T> allowed) {
        if (value == null) {
            return null;
        }
        for (T choice : allowed) {
            if (choice.toString().equalsIgnoreCase(value)) {
                return choice;
            }
        }
        throw new CliException("argument " + option + ": invalid choice: '" + value + "' (choose from "
                + allowed.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", ")) + ")", ExitCodes.USAGE);
    }
}

package io.aro.rp.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command under {@code aro}: the global options of its parent, and where its results and progress go. */
abstract class AroSubcommand implements Runnable {
    @ParentCommand
    AroCommand aro;
    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}

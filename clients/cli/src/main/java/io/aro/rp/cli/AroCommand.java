package io.aro.rp.cli;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code aro}: Azure Red Hat OpenShift clusters from the command line, as {@code az aro} has them, on
 * the generated Java SDK. Results go to standard output in the chosen format, progress and errors to
 * standard error, and the exit code is Azure CLI's (see {@link ExitCodes}).
 */
@Command(name = "aro", versionProvider = AroCommand.Version.class,
        description = "Manage Azure Red Hat OpenShift clusters.",
        subcommands = {CreateCommand.class, DeleteCommand.class, ListCommand.class, ShowCommand.class, UpdateCommand.class, WaitCommand.class,
            ListCredentialsCommand.class, GetAdminKubeconfigCommand.class, GetVersionsCommand.class, ValidateCommand.class,
            IdentityCommand.class, SubscriptionCommand.class},
        exitCodeListHeading = "%nExit codes (Azure CLI's):%n",
        exitCodeList = {"0:done", "1:an error: the service refused the request, the operation failed, a check failed",
            "2:the command line is wrong", "3:the resource was not found"})
public final class AroCommand {
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help message and exit.")
    boolean help;

    // Not inherited: `create --version` is the OpenShift version, as in az aro.
    @Option(names = "--cli-version", versionHelp = true, description = "Show the version of this command line and exit.")
    boolean version;

    @Option(names = "--endpoint", scope = ScopeType.INHERIT, defaultValue = "${env:ARO_ENDPOINT:-https://management.azure.com/}",
            description = "Azure Resource Manager, or a local RP such as http://127.0.0.1:8080/ (default: $ARO_ENDPOINT, else ${DEFAULT-VALUE}).")
    URI endpoint;

    @Option(names = "--graph-endpoint", scope = ScopeType.INHERIT, hidden = true, defaultValue = "${env:ARO_GRAPH_ENDPOINT:-https://graph.microsoft.com/}",
            description = "Microsoft Graph, which update --refresh-credentials and validate read service principals from.")
    URI graphEndpoint;

    @Option(names = "--subscription", scope = ScopeType.INHERIT,
            description = "Name or ID of subscription (default: $AZURE_SUBSCRIPTION_ID, else Azure CLI's default subscription).")
    String subscription;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, defaultValue = "json",
            description = "Output format: json, jsonc, table, tsv, yaml or none (default: ${DEFAULT-VALUE}).")
    Output.Format output;

    @Option(names = "--query", scope = ScopeType.INHERIT, description = "JMESPath query string. See http://jmespath.org/ for more information and examples.")
    String query;

    Map<String, String> env;
    InputStream in;
    boolean progress;

    public static void main(String[] args) {
        // As az, a spinner only where someone watches it.
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.in, System.getenv(), System.console() != null,
                args));
    }

    /**
     * Runs a command line with the given streams and environment; returns the exit code.
     *
     * @param progress whether a spinner runs on {@code err} while a long operation does
     */
    public static int execute(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean progress, String... args) {
        AroCommand aro = new AroCommand();
        aro.env = env;
        aro.in = in;
        aro.progress = progress;
        CommandLine commandLine = new CommandLine(aro);
        // az's @file (an argument's value read from a file), not picocli's (a file of arguments).
        commandLine.setExpandAtFiles(false);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((e, args2) -> {
            e.getCommandLine().getErr().println("ERROR: " + e.getMessage());
            e.getCommandLine().getErr().println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            e.getCommandLine().getErr().flush();
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("ERROR: " + describe(e));
            cl.getErr().flush();
            return exitCode(e);
        });
        String[] expanded;
        try {
            expanded = ArgumentFiles.expand(args);
        } catch (CliException e) {
            err.println("ERROR: " + e.getMessage());
            err.flush();
            return e.exitCode();
        }
        return commandLine.execute(expanded);
    }

    /** As az prints a service's error: "(Code) Message", then the code, message and target on their own lines. */
    private static String describe(Exception e) {
        if (e instanceof ManagementException refused && refused.getValue() != null) {
            ManagementError error = refused.getValue();
            StringBuilder text = new StringBuilder("(" + error.getCode() + ") " + error.getMessage())
                    .append("\nCode: ").append(error.getCode())
                    .append("\nMessage: ").append(error.getMessage());
            if (error.getTarget() != null && !error.getTarget().isEmpty()) {
                text.append("\nTarget: ").append(error.getTarget());
            }
            return text.toString();
        }
        if (e instanceof CliException) {
            return e.getMessage();
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    private static int exitCode(Exception e) {
        if (e instanceof CliException cli) {
            return cli.exitCode();
        }
        if (e instanceof HttpResponseException http && http.getResponse() != null && http.getResponse().getStatusCode() == 404) {
            return ExitCodes.NOT_FOUND;
        }
        return ExitCodes.ERROR;
    }

    /** The version of this build, from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AroCommand.class.getPackage().getImplementationVersion();
            return new String[] {"aro " + (version == null ? "(development build)" : version) + ", API version 2025-07-25"};
        }
    }
}

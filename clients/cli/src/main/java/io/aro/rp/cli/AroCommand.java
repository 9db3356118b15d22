package io.aro.rp.cli;

import io.aro.rp.sdk.AroClient;
import io.aro.rp.sdk.AroClientBuilder;
import io.aro.rp.sdk.AroException;
import io.aro.rp.sdk.OperationFailedException;
import io.aro.rp.sdk.OperationTimeoutException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code aro}: Azure Red Hat OpenShift clusters from the command line, modelled on {@code az aro}, on
 * the Java SDK. Pointed at the local RP by default. Results go to standard output (JSON or a table),
 * progress and errors to standard error, and the exit code says what happened (see {@link ExitCodes}).
 */
@Command(name = "aro", versionProvider = AroCommand.Version.class,
        description = "Manage Azure Red Hat OpenShift clusters.",
        subcommands = {CreateCommand.class, ListCommand.class, ShowCommand.class, UpdateCommand.class, DeleteCommand.class,
            ListCredentialsCommand.class, ListAdminCredentialsCommand.class, GetVersionsCommand.class, SubscriptionCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the service refused the request", "2:the command line is wrong", "3:the operation ended Failed or Canceled",
            "4:the operation did not end within --timeout", "5:the service could not be reached"})
public final class AroCommand {
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help and exit.")
    boolean help;

    // Not inherited: `create --version` is the OpenShift version, as in az aro.
    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Show the version and exit.")
    boolean version;

    @Option(names = "--endpoint", scope = ScopeType.INHERIT, defaultValue = "${env:ARO_ENDPOINT:-http://127.0.0.1:8080/}",
            description = "The RP, or ARM (default: $ARO_ENDPOINT, else ${DEFAULT-VALUE}).")
    URI endpoint;

    @Option(names = "--subscription", scope = ScopeType.INHERIT,
            defaultValue = "${env:AZURE_SUBSCRIPTION_ID:-11111111-2222-3333-4444-555555555555}",
            description = "The subscription (default: $AZURE_SUBSCRIPTION_ID, else ${DEFAULT-VALUE}).")
    String subscription;

    @Option(names = "--token", scope = ScopeType.INHERIT, defaultValue = "${env:ARO_TOKEN}",
            description = "A bearer token, for ARM (default: $ARO_TOKEN).")
    String token;

    @Option(names = "--poll-interval", scope = ScopeType.INHERIT, defaultValue = "PT2S", hidden = true,
            description = "How often a long-running operation is polled when the service gives no Retry-After.")
    Duration pollInterval;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, defaultValue = "json", description = "json or table (default: ${DEFAULT-VALUE}).")
    Output.Format output;

    AroClient client() {
        AroClientBuilder builder = new AroClientBuilder().endpoint(endpoint).subscriptionId(subscription).pollInterval(pollInterval);
        if (token != null && !token.isBlank()) {
            builder.credential(() -> token);
        }
        return builder.buildClient();
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line, writing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new AroCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("ERROR: " + describe(e));
            cl.getErr().flush();
            return exitCode(e);
        });
        return commandLine.execute(args);
    }

    private static String describe(Exception e) {
        if (e instanceof AroException refused) {
            String target = refused.getTarget() == null || refused.getTarget().isEmpty() ? "" : "\nTarget: " + refused.getTarget();
            return "(" + refused.getCode() + ") " + refused.getError().getMessage() + target;
        }
        return e.getMessage();
    }

    private static int exitCode(Exception e) {
        if (e instanceof OperationFailedException) {
            return ExitCodes.OPERATION_FAILED;
        }
        if (e instanceof AroException) {
            return ExitCodes.REFUSED;
        }
        if (e instanceof OperationTimeoutException) {
            return ExitCodes.TIMED_OUT;
        }
        return ExitCodes.UNREACHABLE; // ServiceUnreachableException, or a local failure such as an unwritable --file
    }

    /** The version of this build, from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AroCommand.class.getPackage().getImplementationVersion();
            return new String[] {"aro " + (version == null ? "(development build)" : version) + ", API version " + AroClient.API_VERSION};
        }
    }
}

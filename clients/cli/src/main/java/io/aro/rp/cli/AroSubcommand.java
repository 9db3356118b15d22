package io.aro.rp.cli;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command of {@code aro}: the global options, the Azure session they make, and where results and progress go. */
abstract class AroSubcommand implements Runnable {
    @Spec
    CommandSpec spec;

    private AzureSession session;
    private Output output;

    @Override
    public final void run() {
        try {
            output = Output.of(aro().output, aro().query);
        } catch (RuntimeException e) {
            throw usage("argument --query: invalid jmespath_type value: '" + aro().query + "'");
        }
        execute();
    }

    abstract void execute();

    AroCommand aro() {
        CommandSpec root = spec;
        while (root.parent() != null) {
            root = root.parent();
        }
        return (AroCommand) root.userObject();
    }

    AzureSession session() {
        if (session == null) {
            session = AzureSession.open(aro().endpoint, aro().graphEndpoint, aro().subscription, aro().env);
        }
        return session;
    }

    /** The JSON the service answered a request with. */
    JsonNode answer(Response<?> response) {
        return session().bodies().at(response.getRequest().getUrl());
    }

    /** Every item of every page of a list, as the service answered them. */
    ArrayNode answers(PagedIterable<?> list) {
        ArrayNode items = Output.array();
        for (PagedResponse<?> page : list.iterableByPage()) {
            answer(page).path("value").forEach(items::add);
        }
        return items;
    }

    /** A cluster as the service answers a GET of it. */
    JsonNode cluster(String resourceGroup, String name) {
        return answer(session().aro().serviceClient().getOpenShiftClusters().getByResourceGroupWithResponse(resourceGroup, name, Context.NONE));
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A warning on standard error, as az's logger writes one. */
    void warn(String message) {
        err().println("WARNING: " + message);
        err().flush();
    }

    void print(JsonNode result, Function<JsonNode, List<Map<String, Object>>> table) {
        output.print(out(), result, table);
    }

    void print(JsonNode result) {
        print(result, null);
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

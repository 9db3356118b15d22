package io.aro.rp.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Not in az aro: what ARM tells an RP about a subscription, for an RP run locally without ARM in front of it. */
@Command(name = "subscription", description = "What ARM tells an RP about subscriptions, for an RP run locally.",
        subcommands = SubscriptionCommand.Register.class)
final class SubscriptionCommand {
    @Command(name = "register", description = "Tell a local RP (--endpoint) the subscription is Registered, as ARM does before its first request.")
    static final class Register extends AroSubcommand {
        @Option(names = "--tenant", description = "The subscription's tenant (default: a random one).")
        String tenant;

        @Override
        void execute() {
            String body = "{\"state\":\"Registered\",\"properties\":{\"tenantId\":\"" + (tenant != null ? tenant : UUID.randomUUID()) + "\"}}";
            HttpRequest put = HttpRequest.newBuilder(aro().endpoint.resolve("/subscriptions/" + session().subscriptionId() + "?api-version=2.0"))
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build();
            HttpResponse<String> response;
            try {
                response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(put, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reach " + aro().endpoint, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("Interrupted.");
            }
            if (response.statusCode() >= 300) {
                throw new CliException("The RP answered " + response.statusCode() + ": " + response.body());
            }
            print(Output.parse(response.body()));
        }
    }
}

package io.aro.rp.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "subscription", description = "What ARM tells an RP about subscriptions, for an RP run locally.",
        subcommands = SubscriptionCommand.Register.class)
final class SubscriptionCommand {
    @ParentCommand
    AroCommand aro;

    @Command(name = "register", description = "Tell a local RP the subscription is Registered, as ARM does before its first request.")
    static final class Register implements Runnable {
        @ParentCommand
        SubscriptionCommand subscription;
        @Option(names = "--tenant", description = "The subscription's tenant (default: a random one).")
        String tenant;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            AroCommand aro = subscription.aro;
            String body = "{\"state\":\"Registered\",\"properties\":{\"tenantId\":\"" + (tenant != null ? tenant : UUID.randomUUID()) + "\"}}";
            HttpRequest put = HttpRequest.newBuilder(aro.endpoint.resolve("/subscriptions/" + aro.subscription + "?api-version=2.0"))
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build();
            HttpResponse<String> response;
            try {
                response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(put, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reach " + aro.endpoint, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("the RP answered " + response.statusCode() + ": " + response.body());
            }
            spec.commandLine().getOut().println(response.body());
        }
    }
}

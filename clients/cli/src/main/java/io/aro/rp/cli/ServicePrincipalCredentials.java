package io.aro.rp.cli;

import com.azure.resourcemanager.authorization.models.ActiveDirectoryApplication;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

/** The service principal's Microsoft Entra application, through Microsoft Graph: what {@code az aro update --refresh-credentials} does. */
final class ServicePrincipalCredentials {
    private ServicePrincipalCredentials() {
    }

    /** Adds a new secret to the application with this client ID, and returns it. */
    static String refresh(AzureSession azure, String clientId) {
        ActiveDirectoryApplication application = azure.authorization().applications().getByName(clientId);
        if (application == null) {
            // az would create a new application; this command line does not create applications.
            throw CliException.notFound("No Microsoft Entra application has the client ID " + clientId + ": give --client-id and --client-secret.");
        }
        AtomicReference<String> secret = new AtomicReference<>();
        application.update().definePasswordCredential("aro-" + LocalDate.now())
                .withPasswordConsumer(credential -> secret.set(credential.innerModel().secretText()))
                .attach().apply();
        if (secret.get() == null) {
            throw new CliException("Microsoft Graph added no secret to the application " + clientId + ".");
        }
        return secret.get();
    }
}

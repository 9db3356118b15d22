package io.aro.rp.backend;

import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.Install;
import io.aro.rp.api.InstallPhase;
import io.aro.rp.api.OpenShiftVersion;
import io.aro.rp.api.validate.ValidationErrors;
import io.aro.rp.cloud.InstallationStatus;
import io.aro.rp.cloud.WorkloadIdentityInstall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creating: installs a cluster in resumable phases, one per lease, as ARO's install with Hive does.
 * <ol>
 * <li>Bootstrap: names, dynamic validation, and the Azure resources the RP owns (resource group, storage
 * and NSGs, the service principal's role or, for a managed identity cluster, the OIDC issuer, the
 * operators' federated credentials and roles; DNS).</li>
 * <li>StartInstallation: the Hive objects (namespace, secrets, install-config, ClusterDeployment).</li>
 * <li>AwaitInstallation: Hive's verdict, checked every poll interval without holding a worker, for at
 * most the installation's time limit (ARO: 60 minutes).</li>
 * <li>FinishInstallation: what the installed cluster tells: credentials, endpoints, worker pools.</li>
 * </ol>
 */
final class ClusterInstall implements Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterInstall.class);

    private final ClusterSteps steps;
    private final Function<String, Optional<OpenShiftVersion>> versions;
    private final BackendSettings settings;
    private final Clock clock;

    /** @param versions the images that install a version, as the database has them */
    ClusterInstall(ClusterSteps steps, Function<String, Optional<OpenShiftVersion>> versions, BackendSettings settings, Clock clock) {
        this.steps = steps;
        this.versions = versions;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Decision reconcile(StepContext ctx) {
        Install install = ctx.cluster().getProperties().getInstall();
        InstallPhase phase = install == null || install.getPhase() == null ? InstallPhase.BOOTSTRAP : install.getPhase();
        return switch (phase) {
            case BOOTSTRAP -> bootstrap(ctx);
            case START_INSTALLATION -> startInstallation(ctx);
            case AWAIT_INSTALLATION -> awaitInstallation(ctx);
            case FINISH_INSTALLATION -> finishInstallation(ctx);
        };
    }

    private Decision bootstrap(StepContext ctx) {
        ctx.step("name resources", () -> steps.nameResources(ctx));
        ctx.step("validate", () -> steps.cloud().validate(ctx.cluster(), true));
        steps.ensureAzureResources(ctx);
        List<String> machineNetworks = ctx.step("read the machine networks", () -> steps.cloud().machineNetworks(ctx.cluster()));
        ctx.record(oc -> install(oc.getProperties()).setMachineNetworks(machineNetworks));
        return new Decision.NextPhase(InstallPhase.START_INSTALLATION);
    }

    private Decision startInstallation(StepContext ctx) {
        String requested = ctx.cluster().getProperties().getClusterProfile().getVersion();
        OpenShiftVersion version = versions.apply(requested).orElseThrow(() -> ValidationErrors.invalidParameter("properties.clusterProfile.version",
                "The requested OpenShift version '%s' is not installable any more. Delete the cluster and create it with an installable version.",
                requested));
        if (install(ctx.cluster().getProperties()).getInstallerStarted() == null) {
            // recorded before Hive hears of the cluster, so that the time limit holds even if this worker crashes right after
            Instant now = clock.instant();
            ctx.record(oc -> install(oc.getProperties()).setInstallerStarted(now));
        }
        WorkloadIdentityInstall workloadIdentity = steps.workloadIdentityInstall(ctx);
        ctx.step("start the installation", () -> steps.installer().install(ctx.cluster(), version, ctx.document().getCorrelationData(), workloadIdentity));
        return new Decision.NextPhase(InstallPhase.AWAIT_INSTALLATION);
    }

    private Decision awaitInstallation(StepContext ctx) {
        InstallationStatus status = ctx.step("read the installation's status", () -> steps.installer().status(ctx.cluster()));
        if (status instanceof InstallationStatus.Installed) {
            return new Decision.NextPhase(InstallPhase.FINISH_INSTALLATION);
        }
        if (status instanceof InstallationStatus.Failed failed) {
            return new Decision.Failed(failed.error());
        }
        String detail = ((InstallationStatus.InProgress) status).detail();
        return waitOrGiveUp(ctx, "the installation is in progress: " + detail);
    }

    private Decision finishInstallation(StepContext ctx) {
        steps.recordAccess(ctx);
        String ingressIp = ctx.step("read the ingress IP", () -> steps.apiServer().ingressIp(ctx.cluster()));
        if (ingressIp == null) {
            return waitOrGiveUp(ctx, "the default ingress controller has no IP address yet");
        }
        String apiServerIp = ctx.step("read the API server IP", () -> steps.cloud().apiServerIp(ctx.cluster()));
        ctx.record(oc -> {
            oc.getProperties().getIngressProfiles().forEach(ingress -> ingress.setIp(ingressIp));
            oc.getProperties().getApiserverProfile().setIp(apiServerIp);
        });
        steps.recordWorkerProfiles(ctx);
        return Decision.succeeded();
    }

    /** Looks again after the poll interval, unless the installation has taken longer than its limit. */
    private Decision waitOrGiveUp(StepContext ctx, String reason) {
        Instant started = install(ctx.cluster().getProperties()).getInstallerStarted();
        if (started != null && clock.instant().isAfter(started.plus(settings.installTimeout()))) {
            LOG.atWarn().addKeyValue("started", started).log("the installation timed out: {}", reason);
            return new Decision.Failed(new CloudErrorBody(CloudErrorCodes.INTERNAL_SERVER_ERROR, String.format(
                    "Deployment failed: the OpenShift installation did not complete within %d minutes. Delete the cluster and create it again.",
                    settings.installTimeout().toMinutes()), null, null));
        }
        Duration delay = settings.installPollInterval();
        return new Decision.RequeueAfter(delay, reason);
    }

    private static Install install(io.aro.rp.api.OpenShiftClusterProperties p) {
        if (p.getInstall() == null) {
            p.setInstall(new Install());
        }
        return p.getInstall();
    }
}

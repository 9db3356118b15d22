package io.aro.rp.api.v20200430;

import static io.aro.rp.api.EnumValues.asExternal;
import static io.aro.rp.api.EnumValues.asInternal;
import static io.aro.rp.api.Overlay.ifGiven;

import io.aro.rp.api.Overlay;
import io.aro.rp.api.SecureString;
import io.aro.rp.generated.v20200430.model.APIServerProfile;
import io.aro.rp.generated.v20200430.model.ClusterProfile;
import io.aro.rp.generated.v20200430.model.ConsoleProfile;
import io.aro.rp.generated.v20200430.model.IngressProfile;
import io.aro.rp.generated.v20200430.model.MasterProfile;
import io.aro.rp.generated.v20200430.model.NetworkProfile;
import io.aro.rp.generated.v20200430.model.OpenShiftCluster;
import io.aro.rp.generated.v20200430.model.OpenShiftClusterProperties;
import io.aro.rp.generated.v20200430.model.ProvisioningState;
import io.aro.rp.generated.v20200430.model.ServicePrincipalProfile;
import io.aro.rp.generated.v20200430.model.VMSize;
import io.aro.rp.generated.v20200430.model.Visibility;
import io.aro.rp.generated.v20200430.model.WorkerProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Converts between the 2020-04-30 cluster model and the internal model. */
public final class OpenShiftClusterConverter implements io.aro.rp.api.OpenShiftClusterConverter<OpenShiftCluster> {

    @Override
    public OpenShiftCluster toExternal(io.aro.rp.api.OpenShiftCluster oc) {
        io.aro.rp.api.OpenShiftClusterProperties p = oc.getProperties();
        OpenShiftClusterProperties properties = new OpenShiftClusterProperties()
                .provisioningState(asExternal(p.getProvisioningState(), ProvisioningState::fromValue))
                .clusterProfile(new ClusterProfile()
                        .domain(p.getClusterProfile().getDomain())
                        .version(p.getClusterProfile().getVersion())
                        .resourceGroupId(p.getClusterProfile().getResourceGroupId()))
                .consoleProfile(p.getConsoleProfile().getUrl() == null ? null : new ConsoleProfile().url(p.getConsoleProfile().getUrl()))
                .servicePrincipalProfile(new ServicePrincipalProfile().clientId(p.getServicePrincipalProfile().getClientId()))
                .networkProfile(new NetworkProfile()
                        .podCidr(p.getNetworkProfile().getPodCidr())
                        .serviceCidr(p.getNetworkProfile().getServiceCidr()))
                .masterProfile(new MasterProfile()
                        .vmSize(p.getMasterProfile().getVmSize() == null ? null : VMSize.fromValue(p.getMasterProfile().getVmSize()))
                        .subnetId(p.getMasterProfile().getSubnetId()))
                .workerProfiles(workerProfilesToExternal(p.getWorkerProfiles()))
                .apiserverProfile(new APIServerProfile()
                        .visibility(asExternal(p.getApiserverProfile().getVisibility(), Visibility::fromValue))
                        .url(p.getApiserverProfile().getUrl())
                        .ip(p.getApiserverProfile().getIp()))
                .ingressProfiles(ingressProfilesToExternal(p.getIngressProfiles()));
        return new OpenShiftCluster()
                .id(oc.getId())
                .name(oc.getName())
                .type(oc.getType())
                .location(oc.getLocation())
                .tags(oc.getTags() == null || oc.getTags().isEmpty() ? null : new LinkedHashMap<>(oc.getTags()))
                .properties(properties);
    }

    @Override
    public void toInternal(OpenShiftCluster ext, io.aro.rp.api.OpenShiftCluster oc) {
        ifGiven(ext.getLocation(), oc::setLocation);
        oc.setTags(ext.getTags() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(ext.getTags()));
        OpenShiftClusterProperties p = ext.getProperties();
        if (p == null) {
            return;
        }
        io.aro.rp.api.OpenShiftClusterProperties out = oc.getProperties();
        if (p.getClusterProfile() != null) {
            ClusterProfile cp = p.getClusterProfile();
            io.aro.rp.api.ClusterProfile target = out.getClusterProfile();
            ifGiven(cp.getPullSecret(), v -> target.setPullSecret(SecureString.of(v)));
            ifGiven(cp.getDomain(), target::setDomain);
            ifGiven(cp.getVersion(), target::setVersion);
            ifGiven(cp.getResourceGroupId(), target::setResourceGroupId);
        }
        if (p.getServicePrincipalProfile() != null) {
            ServicePrincipalProfile spp = p.getServicePrincipalProfile();
            io.aro.rp.api.ServicePrincipalProfile target = out.getServicePrincipalProfile();
            ifGiven(spp.getClientId(), target::setClientId);
            ifGiven(spp.getClientSecret(), v -> target.setClientSecret(SecureString.of(v)));
        }
        if (p.getNetworkProfile() != null) {
            io.aro.rp.api.NetworkProfile target = out.getNetworkProfile();
            ifGiven(p.getNetworkProfile().getPodCidr(), target::setPodCidr);
            ifGiven(p.getNetworkProfile().getServiceCidr(), target::setServiceCidr);
        }
        if (p.getMasterProfile() != null) {
            io.aro.rp.api.MasterProfile target = out.getMasterProfile();
            ifGiven(p.getMasterProfile().getVmSize(), v -> target.setVmSize(v.value()));
            ifGiven(p.getMasterProfile().getSubnetId(), target::setSubnetId);
        }
        if (p.getWorkerProfiles() != null) {
            out.setWorkerProfiles(workerProfilesToInternal(p.getWorkerProfiles(), out.getWorkerProfiles()));
        }
        if (p.getApiserverProfile() != null) {
            ifGiven(p.getApiserverProfile().getVisibility(),
                    v -> out.getApiserverProfile().setVisibility(asInternal(io.aro.rp.api.Visibility.class, v)));
        }
        if (p.getIngressProfiles() != null) {
            out.setIngressProfiles(ingressProfilesToInternal(p.getIngressProfiles(), out.getIngressProfiles()));
        }
    }

    private static List<WorkerProfile> workerProfilesToExternal(List<io.aro.rp.api.WorkerProfile> profiles) {
        List<WorkerProfile> result = new ArrayList<>();
        for (io.aro.rp.api.WorkerProfile wp : profiles) {
            result.add(new WorkerProfile()
                    .name(wp.getName())
                    .vmSize(wp.getVmSize() == null ? null : VMSize.fromValue(wp.getVmSize()))
                    .diskSizeGB(wp.getDiskSizeGB())
                    .subnetId(wp.getSubnetId())
                    .count(wp.getCount()));
        }
        return result.isEmpty() ? null : result;
    }

    /** Overlays each requested profile on the current profile of the same name, keeping what 2020-04-30 does not know. */
    private static List<io.aro.rp.api.WorkerProfile> workerProfilesToInternal(List<WorkerProfile> requested,
            List<io.aro.rp.api.WorkerProfile> current) {
        List<io.aro.rp.api.WorkerProfile> result = new ArrayList<>();
        for (WorkerProfile wp : requested) {
            io.aro.rp.api.WorkerProfile target = Overlay.sameName(current, wp.getName(), io.aro.rp.api.WorkerProfile::getName,
                    io.aro.rp.api.WorkerProfile::new);
            target.setName(wp.getName());
            ifGiven(wp.getVmSize(), v -> target.setVmSize(v.value()));
            ifGiven(wp.getDiskSizeGB(), target::setDiskSizeGB);
            ifGiven(wp.getSubnetId(), target::setSubnetId);
            ifGiven(wp.getCount(), target::setCount);
            result.add(target);
        }
        return result;
    }

    private static List<IngressProfile> ingressProfilesToExternal(List<io.aro.rp.api.IngressProfile> profiles) {
        List<IngressProfile> result = new ArrayList<>();
        for (io.aro.rp.api.IngressProfile ip : profiles) {
            result.add(new IngressProfile().name(ip.getName()).visibility(asExternal(ip.getVisibility(), Visibility::fromValue)).ip(ip.getIp()));
        }
        return result.isEmpty() ? null : result;
    }

    private static List<io.aro.rp.api.IngressProfile> ingressProfilesToInternal(List<IngressProfile> requested,
            List<io.aro.rp.api.IngressProfile> current) {
        List<io.aro.rp.api.IngressProfile> result = new ArrayList<>();
        for (IngressProfile ip : requested) {
            io.aro.rp.api.IngressProfile target = Overlay.sameName(current, ip.getName(), io.aro.rp.api.IngressProfile::getName,
                    io.aro.rp.api.IngressProfile::new);
            target.setName(ip.getName());
            ifGiven(ip.getVisibility(), v -> target.setVisibility(asInternal(io.aro.rp.api.Visibility.class, v)));
            result.add(target);
        }
        return result;
    }
}

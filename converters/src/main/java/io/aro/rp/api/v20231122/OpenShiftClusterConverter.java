package io.aro.rp.api.v20231122;

import static io.aro.rp.api.EnumValues.asExternal;
import static io.aro.rp.api.EnumValues.asInternal;
import static io.aro.rp.api.Overlay.ifGiven;

import io.aro.rp.api.Overlay;
import io.aro.rp.api.SecureString;
import io.aro.rp.generated.v20231122.model.APIServerProfile;
import io.aro.rp.generated.v20231122.model.ClusterProfile;
import io.aro.rp.generated.v20231122.model.ConsoleProfile;
import io.aro.rp.generated.v20231122.model.EffectiveOutboundIP;
import io.aro.rp.generated.v20231122.model.EncryptionAtHost;
import io.aro.rp.generated.v20231122.model.FipsValidatedModules;
import io.aro.rp.generated.v20231122.model.IngressProfile;
import io.aro.rp.generated.v20231122.model.LoadBalancerProfile;
import io.aro.rp.generated.v20231122.model.ManagedOutboundIPs;
import io.aro.rp.generated.v20231122.model.MasterProfile;
import io.aro.rp.generated.v20231122.model.NetworkProfile;
import io.aro.rp.generated.v20231122.model.OpenShiftCluster;
import io.aro.rp.generated.v20231122.model.OpenShiftClusterProperties;
import io.aro.rp.generated.v20231122.model.OutboundType;
import io.aro.rp.generated.v20231122.model.PreconfiguredNSG;
import io.aro.rp.generated.v20231122.model.ProvisioningState;
import io.aro.rp.generated.v20231122.model.ServicePrincipalProfile;
import io.aro.rp.generated.v20231122.model.SystemData;
import io.aro.rp.generated.v20231122.model.Visibility;
import io.aro.rp.generated.v20231122.model.WorkerProfile;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Converts between the 2023-11-22 cluster model and the internal model. */
public final class OpenShiftClusterConverter implements io.aro.rp.api.OpenShiftClusterConverter<OpenShiftCluster> {

    @Override
    public OpenShiftCluster toExternal(io.aro.rp.api.OpenShiftCluster oc) {
        io.aro.rp.api.OpenShiftClusterProperties p = oc.getProperties();
        io.aro.rp.api.ClusterProfile cp = p.getClusterProfile();
        io.aro.rp.api.NetworkProfile np = p.getNetworkProfile();
        io.aro.rp.api.MasterProfile mp = p.getMasterProfile();
        OpenShiftClusterProperties properties = new OpenShiftClusterProperties()
                .provisioningState(asExternal(p.getProvisioningState(), ProvisioningState::fromValue))
                .clusterProfile(new ClusterProfile()
                        .domain(cp.getDomain())
                        .version(cp.getVersion())
                        .resourceGroupId(cp.getResourceGroupId())
                        .fipsValidatedModules(asExternal(cp.getFipsValidatedModules(), FipsValidatedModules::fromValue)))
                .consoleProfile(p.getConsoleProfile().getUrl() == null ? null : new ConsoleProfile().url(p.getConsoleProfile().getUrl()))
                .servicePrincipalProfile(new ServicePrincipalProfile().clientId(p.getServicePrincipalProfile().getClientId()))
                .networkProfile(new NetworkProfile()
                        .podCidr(np.getPodCidr())
                        .serviceCidr(np.getServiceCidr())
                        .outboundType(asExternal(np.getOutboundType(), OutboundType::fromValue))
                        .loadBalancerProfile(loadBalancerProfileToExternal(np.getLoadBalancerProfile()))
                        .preconfiguredNSG(asExternal(np.getPreconfiguredNSG(), PreconfiguredNSG::fromValue)))
                .masterProfile(new MasterProfile()
                        .vmSize(mp.getVmSize())
                        .subnetId(mp.getSubnetId())
                        .encryptionAtHost(asExternal(mp.getEncryptionAtHost(), EncryptionAtHost::fromValue))
                        .diskEncryptionSetId(mp.getDiskEncryptionSetId()))
                .workerProfiles(workerProfilesToExternal(p.getWorkerProfiles()))
                .workerProfilesStatus(workerProfilesToExternal(p.getWorkerProfilesStatus()))
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
                .systemData(systemDataToExternal(oc.getSystemData()))
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
            ifGiven(cp.getFipsValidatedModules(),
                    v -> target.setFipsValidatedModules(asInternal(io.aro.rp.api.FipsValidatedModules.class, v)));
        }
        if (p.getServicePrincipalProfile() != null) {
            ServicePrincipalProfile spp = p.getServicePrincipalProfile();
            io.aro.rp.api.ServicePrincipalProfile target = out.getServicePrincipalProfile();
            ifGiven(spp.getClientId(), target::setClientId);
            ifGiven(spp.getClientSecret(), v -> target.setClientSecret(SecureString.of(v)));
        }
        if (p.getNetworkProfile() != null) {
            networkProfileToInternal(p.getNetworkProfile(), out.getNetworkProfile());
        }
        if (p.getMasterProfile() != null) {
            MasterProfile mp = p.getMasterProfile();
            io.aro.rp.api.MasterProfile target = out.getMasterProfile();
            ifGiven(mp.getVmSize(), target::setVmSize);
            ifGiven(mp.getSubnetId(), target::setSubnetId);
            ifGiven(mp.getEncryptionAtHost(), v -> target.setEncryptionAtHost(asInternal(io.aro.rp.api.EncryptionAtHost.class, v)));
            ifGiven(mp.getDiskEncryptionSetId(), target::setDiskEncryptionSetId);
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

    private static void networkProfileToInternal(NetworkProfile np, io.aro.rp.api.NetworkProfile target) {
        ifGiven(np.getPodCidr(), target::setPodCidr);
        ifGiven(np.getServiceCidr(), target::setServiceCidr);
        ifGiven(np.getOutboundType(), v -> target.setOutboundType(asInternal(io.aro.rp.api.OutboundType.class, v)));
        ifGiven(np.getPreconfiguredNSG(), v -> target.setPreconfiguredNSG(asInternal(io.aro.rp.api.PreconfiguredNSG.class, v)));
        ManagedOutboundIPs ips = np.getLoadBalancerProfile() == null ? null : np.getLoadBalancerProfile().getManagedOutboundIps();
        if (ips != null && ips.getCount() != null) {
            if (target.getLoadBalancerProfile() == null) {
                target.setLoadBalancerProfile(new io.aro.rp.api.LoadBalancerProfile());
            }
            io.aro.rp.api.LoadBalancerProfile lb = target.getLoadBalancerProfile();
            if (lb.getManagedOutboundIps() == null) {
                lb.setManagedOutboundIps(new io.aro.rp.api.ManagedOutboundIPs());
            }
            lb.getManagedOutboundIps().setCount(ips.getCount());
        }
    }

    private static LoadBalancerProfile loadBalancerProfileToExternal(io.aro.rp.api.LoadBalancerProfile lb) {
        if (lb == null) {
            return null;
        }
        List<EffectiveOutboundIP> effective = new ArrayList<>();
        for (io.aro.rp.api.EffectiveOutboundIP ip : lb.getEffectiveOutboundIps()) {
            effective.add(new EffectiveOutboundIP().id(ip.getId()));
        }
        return new LoadBalancerProfile()
                .managedOutboundIps(lb.getManagedOutboundIps() == null ? null
                        : new ManagedOutboundIPs().count(lb.getManagedOutboundIps().getCount()))
                .effectiveOutboundIps(effective.isEmpty() ? null : effective);
    }

    private static List<WorkerProfile> workerProfilesToExternal(List<io.aro.rp.api.WorkerProfile> profiles) {
        List<WorkerProfile> result = new ArrayList<>();
        for (io.aro.rp.api.WorkerProfile wp : profiles) {
            result.add(new WorkerProfile()
                    .name(wp.getName())
                    .vmSize(wp.getVmSize())
                    .diskSizeGB(wp.getDiskSizeGB())
                    .subnetId(wp.getSubnetId())
                    .count(wp.getCount())
                    .encryptionAtHost(asExternal(wp.getEncryptionAtHost(), EncryptionAtHost::fromValue))
                    .diskEncryptionSetId(wp.getDiskEncryptionSetId()));
        }
        return result.isEmpty() ? null : result;
    }

    /** Overlays each requested profile on the current profile of the same name. */
    private static List<io.aro.rp.api.WorkerProfile> workerProfilesToInternal(List<WorkerProfile> requested,
            List<io.aro.rp.api.WorkerProfile> current) {
        List<io.aro.rp.api.WorkerProfile> result = new ArrayList<>();
        for (WorkerProfile wp : requested) {
            io.aro.rp.api.WorkerProfile target = Overlay.sameName(current, wp.getName(), io.aro.rp.api.WorkerProfile::getName,
                    io.aro.rp.api.WorkerProfile::new);
            target.setName(wp.getName());
            ifGiven(wp.getVmSize(), target::setVmSize);
            ifGiven(wp.getDiskSizeGB(), target::setDiskSizeGB);
            ifGiven(wp.getSubnetId(), target::setSubnetId);
            ifGiven(wp.getCount(), target::setCount);
            ifGiven(wp.getEncryptionAtHost(), v -> target.setEncryptionAtHost(asInternal(io.aro.rp.api.EncryptionAtHost.class, v)));
            ifGiven(wp.getDiskEncryptionSetId(), target::setDiskEncryptionSetId);
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

    private static SystemData systemDataToExternal(io.aro.rp.api.SystemData sd) {
        if (sd == null) {
            return null;
        }
        return new SystemData()
                .createdBy(sd.getCreatedBy())
                .createdByType(sd.getCreatedByType() == null ? null : SystemData.CreatedByTypeEnum.fromValue(sd.getCreatedByType()))
                .createdAt(sd.getCreatedAt() == null ? null : sd.getCreatedAt().atOffset(ZoneOffset.UTC))
                .lastModifiedBy(sd.getLastModifiedBy())
                .lastModifiedByType(sd.getLastModifiedByType() == null ? null
                        : SystemData.LastModifiedByTypeEnum.fromValue(sd.getLastModifiedByType()))
                .lastModifiedAt(sd.getLastModifiedAt() == null ? null : sd.getLastModifiedAt().atOffset(ZoneOffset.UTC));
    }
}

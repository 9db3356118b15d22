package io.aro.rp.api.external;

import static io.aro.rp.api.Overlay.ifGiven;
import static io.aro.rp.api.external.ExternalJson.integer;
import static io.aro.rp.api.external.ExternalJson.object;
import static io.aro.rp.api.external.ExternalJson.put;
import static io.aro.rp.api.external.ExternalJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.APIServerProfile;
import io.aro.rp.api.ClusterProfile;
import io.aro.rp.api.EffectiveOutboundIP;
import io.aro.rp.api.EncryptionAtHost;
import io.aro.rp.api.EnumValues;
import io.aro.rp.api.FipsValidatedModules;
import io.aro.rp.api.IngressProfile;
import io.aro.rp.api.LoadBalancerProfile;
import io.aro.rp.api.ManagedOutboundIPs;
import io.aro.rp.api.MasterProfile;
import io.aro.rp.api.NetworkProfile;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.OpenShiftClusterProperties;
import io.aro.rp.api.OutboundType;
import io.aro.rp.api.Overlay;
import io.aro.rp.api.PreconfiguredNSG;
import io.aro.rp.api.SecureString;
import io.aro.rp.api.ServicePrincipalProfile;
import io.aro.rp.api.SystemData;
import io.aro.rp.api.Visibility;
import io.aro.rp.api.WorkerProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resource and the properties of a service principal cluster, from 2020-04-30 up to 2023-11-22:
 * the one place they are mapped, whichever version a request uses.
 */
final class CoreClusterProperties implements ClusterConverter.Part {

    @Override
    public void toExternal(OpenShiftCluster oc, ObjectNode ext) {
        put(ext, "id", oc.getId());
        put(ext, "name", oc.getName());
        put(ext, "type", oc.getType());
        put(ext, "location", oc.getLocation());
        if (oc.getSystemData() != null) {
            SystemData sd = oc.getSystemData();
            ObjectNode systemData = ext.putObject("systemData");
            put(systemData, "createdBy", sd.getCreatedBy());
            put(systemData, "createdByType", sd.getCreatedByType());
            put(systemData, "createdAt", sd.getCreatedAt());
            put(systemData, "lastModifiedBy", sd.getLastModifiedBy());
            put(systemData, "lastModifiedByType", sd.getLastModifiedByType());
            put(systemData, "lastModifiedAt", sd.getLastModifiedAt());
        }
        if (oc.getTags() != null && !oc.getTags().isEmpty()) {
            put(ext, "tags", oc.getTags());
        }

        OpenShiftClusterProperties p = oc.getProperties();
        ObjectNode properties = (ObjectNode) ext.get("properties");
        put(properties, "provisioningState", p.getProvisioningState());

        ClusterProfile cp = p.getClusterProfile();
        ObjectNode clusterProfile = properties.putObject("clusterProfile");
        put(clusterProfile, "domain", cp.getDomain());
        put(clusterProfile, "version", cp.getVersion());
        put(clusterProfile, "resourceGroupId", cp.getResourceGroupId());
        put(clusterProfile, "fipsValidatedModules", cp.getFipsValidatedModules());

        if (p.getConsoleProfile().getUrl() != null) {
            properties.putObject("consoleProfile").put("url", p.getConsoleProfile().getUrl());
        }
        if (p.getServicePrincipalProfile().getClientId() != null) {
            properties.putObject("servicePrincipalProfile").put("clientId", p.getServicePrincipalProfile().getClientId());
        }

        NetworkProfile np = p.getNetworkProfile();
        ObjectNode networkProfile = properties.putObject("networkProfile");
        put(networkProfile, "podCidr", np.getPodCidr());
        put(networkProfile, "serviceCidr", np.getServiceCidr());
        put(networkProfile, "outboundType", np.getOutboundType());
        if (np.getLoadBalancerProfile() != null) {
            loadBalancerProfileToExternal(np.getLoadBalancerProfile(), networkProfile.putObject("loadBalancerProfile"));
        }
        put(networkProfile, "preconfiguredNSG", np.getPreconfiguredNSG());

        MasterProfile mp = p.getMasterProfile();
        ObjectNode masterProfile = properties.putObject("masterProfile");
        put(masterProfile, "vmSize", mp.getVmSize());
        put(masterProfile, "subnetId", mp.getSubnetId());
        put(masterProfile, "encryptionAtHost", mp.getEncryptionAtHost());
        put(masterProfile, "diskEncryptionSetId", mp.getDiskEncryptionSetId());

        workerProfilesToExternal(p.getWorkerProfiles(), properties, "workerProfiles");
        workerProfilesToExternal(p.getWorkerProfilesStatus(), properties, "workerProfilesStatus");

        APIServerProfile ap = p.getApiserverProfile();
        ObjectNode apiserverProfile = properties.putObject("apiserverProfile");
        put(apiserverProfile, "visibility", ap.getVisibility());
        put(apiserverProfile, "url", ap.getUrl());
        put(apiserverProfile, "ip", ap.getIp());

        if (!p.getIngressProfiles().isEmpty()) {
            ArrayNode ingressProfiles = properties.putArray("ingressProfiles");
            for (IngressProfile ip : p.getIngressProfiles()) {
                ObjectNode profile = ingressProfiles.addObject();
                put(profile, "name", ip.getName());
                put(profile, "visibility", ip.getVisibility());
                put(profile, "ip", ip.getIp());
            }
        }
    }

    @Override
    public void secretsToExternal(OpenShiftCluster oc, ObjectNode ext) {
        SecureString pullSecret = oc.getProperties().getClusterProfile().getPullSecret();
        if (pullSecret != null) {
            ((ObjectNode) ext.get("properties")).with("clusterProfile").put("pullSecret", pullSecret.reveal());
        }
        SecureString clientSecret = oc.getProperties().getServicePrincipalProfile().getClientSecret();
        if (clientSecret != null && ext.at("/properties/servicePrincipalProfile") instanceof ObjectNode spp) {
            spp.put("clientSecret", clientSecret.reveal());
        }
    }

    private static void loadBalancerProfileToExternal(LoadBalancerProfile lb, ObjectNode external) {
        if (lb.getManagedOutboundIps() != null) {
            put(external.putObject("managedOutboundIps"), "count", lb.getManagedOutboundIps().getCount());
        }
        if (!lb.getEffectiveOutboundIps().isEmpty()) {
            ArrayNode effective = external.putArray("effectiveOutboundIps");
            for (EffectiveOutboundIP ip : lb.getEffectiveOutboundIps()) {
                put(effective.addObject(), "id", ip.getId());
            }
        }
    }

    private static void workerProfilesToExternal(List<WorkerProfile> profiles, ObjectNode properties, String field) {
        if (profiles.isEmpty()) {
            return;
        }
        ArrayNode array = properties.putArray(field);
        for (WorkerProfile wp : profiles) {
            ObjectNode profile = array.addObject();
            put(profile, "name", wp.getName());
            put(profile, "vmSize", wp.getVmSize());
            put(profile, "diskSizeGB", wp.getDiskSizeGB());
            put(profile, "subnetId", wp.getSubnetId());
            put(profile, "count", wp.getCount());
            put(profile, "encryptionAtHost", wp.getEncryptionAtHost());
            put(profile, "diskEncryptionSetId", wp.getDiskEncryptionSetId());
        }
    }

    @Override
    public void toInternal(JsonNode ext, OpenShiftCluster oc) {
        ifGiven(text(ext, "location"), oc::setLocation);
        oc.setTags(tags(object(ext, "tags")));
        ObjectNode p = object(ext, "properties");
        if (p == null) {
            return;
        }
        OpenShiftClusterProperties out = oc.getProperties();

        ObjectNode cp = object(p, "clusterProfile");
        if (cp != null) {
            ClusterProfile target = out.getClusterProfile();
            ifGiven(text(cp, "pullSecret"), v -> target.setPullSecret(SecureString.of(v)));
            ifGiven(text(cp, "domain"), target::setDomain);
            ifGiven(text(cp, "version"), target::setVersion);
            ifGiven(text(cp, "resourceGroupId"), target::setResourceGroupId);
            ifGiven(text(cp, "fipsValidatedModules"), v -> target.setFipsValidatedModules(EnumValues.parse(FipsValidatedModules.class, v)));
        }
        ObjectNode spp = object(p, "servicePrincipalProfile");
        if (spp != null) {
            ServicePrincipalProfile target = out.getServicePrincipalProfile();
            ifGiven(text(spp, "clientId"), target::setClientId);
            ifGiven(text(spp, "clientSecret"), v -> target.setClientSecret(SecureString.of(v)));
        }
        ObjectNode np = object(p, "networkProfile");
        if (np != null) {
            networkProfileToInternal(np, out.getNetworkProfile());
        }
        ObjectNode mp = object(p, "masterProfile");
        if (mp != null) {
            MasterProfile target = out.getMasterProfile();
            ifGiven(text(mp, "vmSize"), target::setVmSize);
            ifGiven(text(mp, "subnetId"), target::setSubnetId);
            ifGiven(text(mp, "encryptionAtHost"), v -> target.setEncryptionAtHost(EnumValues.parse(EncryptionAtHost.class, v)));
            ifGiven(text(mp, "diskEncryptionSetId"), target::setDiskEncryptionSetId);
        }
        if (p.get("workerProfiles") instanceof ArrayNode workers) {
            out.setWorkerProfiles(workerProfilesToInternal(workers, out.getWorkerProfiles()));
        }
        ObjectNode ap = object(p, "apiserverProfile");
        if (ap != null) {
            ifGiven(text(ap, "visibility"), v -> out.getApiserverProfile().setVisibility(EnumValues.parse(Visibility.class, v)));
        }
        if (p.get("ingressProfiles") instanceof ArrayNode ingresses) {
            out.setIngressProfiles(ingressProfilesToInternal(ingresses, out.getIngressProfiles()));
        }
    }

    /** Tags are replaced as a whole: a request without them clears them, as in ARO. */
    private static Map<String, String> tags(ObjectNode tags) {
        Map<String, String> result = new LinkedHashMap<>();
        if (tags != null) {
            tags.fields().forEachRemaining(tag -> result.put(tag.getKey(), tag.getValue().asText()));
        }
        return result;
    }

    private static void networkProfileToInternal(ObjectNode np, NetworkProfile target) {
        ifGiven(text(np, "podCidr"), target::setPodCidr);
        ifGiven(text(np, "serviceCidr"), target::setServiceCidr);
        ifGiven(text(np, "outboundType"), v -> target.setOutboundType(EnumValues.parse(OutboundType.class, v)));
        ifGiven(text(np, "preconfiguredNSG"), v -> target.setPreconfiguredNSG(EnumValues.parse(PreconfiguredNSG.class, v)));
        Integer count = integer(object(object(np, "loadBalancerProfile"), "managedOutboundIps"), "count");
        if (count != null) {
            if (target.getLoadBalancerProfile() == null) {
                target.setLoadBalancerProfile(new LoadBalancerProfile());
            }
            LoadBalancerProfile lb = target.getLoadBalancerProfile();
            if (lb.getManagedOutboundIps() == null) {
                lb.setManagedOutboundIps(new ManagedOutboundIPs());
            }
            lb.getManagedOutboundIps().setCount(count);
        }
    }

    /** Lays each requested profile over the current profile of the same name, so that what the version does not know survives. */
    private static List<WorkerProfile> workerProfilesToInternal(ArrayNode requested, List<WorkerProfile> current) {
        List<WorkerProfile> result = new ArrayList<>();
        for (JsonNode wp : requested) {
            String name = text(wp, "name");
            WorkerProfile target = Overlay.sameName(current, name, WorkerProfile::getName, WorkerProfile::new);
            target.setName(name);
            ifGiven(text(wp, "vmSize"), target::setVmSize);
            ifGiven(integer(wp, "diskSizeGB"), target::setDiskSizeGB);
            ifGiven(text(wp, "subnetId"), target::setSubnetId);
            ifGiven(integer(wp, "count"), target::setCount);
            ifGiven(text(wp, "encryptionAtHost"), v -> target.setEncryptionAtHost(EnumValues.parse(EncryptionAtHost.class, v)));
            ifGiven(text(wp, "diskEncryptionSetId"), target::setDiskEncryptionSetId);
            result.add(target);
        }
        return result;
    }

    private static List<IngressProfile> ingressProfilesToInternal(ArrayNode requested, List<IngressProfile> current) {
        List<IngressProfile> result = new ArrayList<>();
        for (JsonNode ip : requested) {
            String name = text(ip, "name");
            IngressProfile target = Overlay.sameName(current, name, IngressProfile::getName, IngressProfile::new);
            target.setName(name);
            ifGiven(text(ip, "visibility"), v -> target.setVisibility(EnumValues.parse(Visibility.class, v)));
            result.add(target);
        }
        return result;
    }
}

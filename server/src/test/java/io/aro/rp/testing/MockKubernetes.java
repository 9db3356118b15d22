package io.aro.rp.testing;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * A Kubernetes API server for tests: fabric8's mock server in CRUD mode on 127.0.0.1 (objects stored as
 * sent, resource versions, 404 and 409 as a real API server), knowing Hive's and the machine API's
 * custom resources.
 */
public final class MockKubernetes implements AutoCloseable {
    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient client;

    public MockKubernetes() {
        List<CustomResourceDefinitionContext> crds = new ArrayList<>();
        crds.add(namespaced("hive.openshift.io", "v1", "ClusterDeployment", "clusterdeployments"));
        crds.add(namespaced("hive.openshift.io", "v1", "ClusterProvision", "clusterprovisions"));
        crds.add(namespaced("machine.openshift.io", "v1beta1", "MachineSet", "machinesets"));
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(crds), false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        client = server.createClient();
    }

    private static CustomResourceDefinitionContext namespaced(String group, String version, String kind, String plural) {
        return new CustomResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind).withPlural(plural)
                .withScope("Namespaced").build();
    }

    /** A client with full access, as the RP's or a test's. */
    public NamespacedKubernetesClient client() {
        return client;
    }

    /** A kubeconfig that reaches this server, as Hive writes an installed cluster's admin kubeconfig. */
    public String kubeconfig(String clusterName) {
        return "apiVersion: v1\nkind: Config\nclusters:\n- name: " + clusterName + "\n  cluster:\n    server: " + server.url("/").replaceAll("/$", "")
                + "\ncontexts:\n- name: admin\n  context:\n    cluster: " + clusterName + "\n    user: admin\ncurrent-context: admin\n"
                + "users:\n- name: admin\n  user:\n    token: admin-token-" + clusterName + "\n";
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}

package io.aro.rp.api.validate;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The VM sizes ARO supports for the control plane and for workers, the same in every API version. */
public final class VmSizes {
    /** Control plane sizes: 8 vCPUs or more of the general purpose and memory optimised families. */
    public static final Set<String> MASTER = Set.of(
            "Standard_D8s_v3", "Standard_D16s_v3", "Standard_D32s_v3",
            "Standard_D8s_v4", "Standard_D16s_v4", "Standard_D32s_v4",
            "Standard_D8s_v5", "Standard_D16s_v5", "Standard_D32s_v5",
            "Standard_D8as_v4", "Standard_D16as_v4", "Standard_D32as_v4",
            "Standard_D8as_v5", "Standard_D16as_v5", "Standard_D32as_v5",
            "Standard_D8ds_v5", "Standard_D16ds_v5", "Standard_D32ds_v5",
            "Standard_E8s_v3", "Standard_E16s_v3", "Standard_E32s_v3",
            "Standard_E8s_v4", "Standard_E16s_v4", "Standard_E32s_v4",
            "Standard_E8s_v5", "Standard_E16s_v5", "Standard_E32s_v5",
            "Standard_E64i_v3", "Standard_E64is_v3", "Standard_E80is_v4", "Standard_E80ids_v4",
            "Standard_E104i_v5", "Standard_E104is_v5", "Standard_E104id_v5", "Standard_E104ids_v5",
            "Standard_F72s_v2", "Standard_M128ms");
    /** Worker sizes: the control plane sizes plus the smaller, compute, storage and GPU sizes ARO supports for workers. */
    public static final Set<String> WORKER = Stream.concat(MASTER.stream(), Stream.of(
            "Standard_D4s_v3", "Standard_D4s_v4", "Standard_D4s_v5", "Standard_D4as_v4", "Standard_D4as_v5", "Standard_D4ds_v5",
            "Standard_D64s_v3", "Standard_D64s_v4", "Standard_D64s_v5", "Standard_D64as_v4", "Standard_D64as_v5", "Standard_D96as_v5",
            "Standard_E4s_v3", "Standard_E4s_v4", "Standard_E4s_v5", "Standard_E4as_v4", "Standard_E8as_v4", "Standard_E16as_v4",
            "Standard_E32as_v4", "Standard_E64s_v3", "Standard_E64as_v4", "Standard_E96as_v4",
            "Standard_F4s_v2", "Standard_F8s_v2", "Standard_F16s_v2", "Standard_F32s_v2",
            "Standard_L4s", "Standard_L8s", "Standard_L16s", "Standard_L32s",
            "Standard_L8s_v2", "Standard_L16s_v2", "Standard_L32s_v2", "Standard_L48s_v2", "Standard_L64s_v2",
            "Standard_NC4as_T4_v3", "Standard_NC8as_T4_v3", "Standard_NC16as_T4_v3", "Standard_NC64as_T4_v3"))
            .collect(Collectors.toUnmodifiableSet());

    private VmSizes() {
    }
}

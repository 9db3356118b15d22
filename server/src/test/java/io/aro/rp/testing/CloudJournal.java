package io.aro.rp.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the simulated cloud's journal ({@code created <id>}, {@code updated <id>}, {@code deleted <id>}, in order). */
public final class CloudJournal {
    private CloudJournal() {
    }

    /**
     * The resources created again while they existed: what a worker that repeats a step after a crash must never do.
     * A resource created, deleted and created again (a subnet's NSG association, which clusters sharing the subnet
     * make and remove in turn) is not one of them.
     */
    public static List<String> createdTwice(List<String> journal) {
        Set<String> live = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (String line : journal) {
            if (line.startsWith("created ") && !live.add(line.substring(8))) {
                twice.add(line.substring(8));
            } else if (line.startsWith("deleted ")) {
                live.remove(line.substring(8));
            }
        }
        return twice;
    }
}

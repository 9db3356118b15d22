package io.aro.rp.fault;

/**
 * How much of the fault suite runs: {@code smoke} in every {@code mvn verify} (a minute), {@code full}
 * with {@code mvn -Pfault -pl server -am verify} (see docs/fault-suite.md). Chosen by the system
 * property {@code aro.fault}.
 *
 * @param fuzzCases requests of the HTTP surface fuzz test
 * @param stalledConnections connections that stall while a GET must still answer
 * @param killCycles how often a real RP process is killed with SIGKILL, per database
 */
record FaultScale(String name, int fuzzCases, int stalledConnections, int killCycles) {
    static final FaultScale SMOKE = new FaultScale("smoke", 400, 300, 1);
    static final FaultScale FULL = new FaultScale("full", 2400, 2000, 5);

    static FaultScale current() {
        return "full".equals(System.getProperty("aro.fault", "smoke")) ? FULL : SMOKE;
    }

    /** The seed of the generated cases: {@code -Daro.fault.seed=} replays a run, by default every run differs. */
    static long seed() {
        String seed = System.getProperty("aro.fault.seed", "");
        return seed.isEmpty() ? System.nanoTime() : Long.parseLong(seed);
    }
}

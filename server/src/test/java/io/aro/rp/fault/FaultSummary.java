package io.aro.rp.fault;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints the fault suite's figures once every test ran (registered in META-INF/services; silent when no fault test ran). */
public final class FaultSummary implements TestExecutionListener {
    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!FaultFigures.isEmpty()) {
            System.out.println(FaultFigures.line());
        }
    }
}

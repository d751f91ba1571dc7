package org.coopledger.reporting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class FailureLoggingExecutorTest {

    @Test
    void anErrorThatEndsASubmittedTaskIsLoggedWithTheExecutorsName(CapturedOutput output) throws Exception {
        FailureLoggingExecutor executor = new FailureLoggingExecutor("Worker - probe", 1);
        try {
            Future<?> task = executor.submit(() -> {
                throw new AssertionError("driver assertion");
            });
            await().atMost(5, TimeUnit.SECONDS).until(task::isDone);
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(output.getOut())
                    .contains("A task of 'Worker - probe' ended with java.lang.AssertionError: driver assertion"));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void tasksThatReturnOrThrowNothingLeaveNoErrorInTheLog(CapturedOutput output) throws Exception {
        FailureLoggingExecutor executor = new FailureLoggingExecutor("Worker - probe", 1);
        try {
            executor.submit(() -> { }).get(5, TimeUnit.SECONDS);
            executor.schedule(() -> { }, 1, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
            executor.shutdown();
            assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            assertThat(output.getOut()).doesNotContain("A task of");
        } finally {
            executor.shutdownNow();
        }
    }
}

package org.coopledger.api.platform;

import org.coopledger.api.testsupport.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger holds refugees' personal data and must contact no outside host. Axon 4.13 ships an
 * update checker that reports usage to its vendor; it must stay off. Axon itself never starts
 * it under JUnit, so this test checks the configuration that keeps it off in production rather
 * than the (always absent) bean alone, and records every proxied connection the JVM attempts
 * while a fresh application context starts.
 */
@TestPropertySource(properties = "ledger.test.context=no-outbound")
class NoOutboundConnectionsTest extends IntegrationTest {

    private static final List<URI> attempted = new CopyOnWriteArrayList<>();
    private static ProxySelector previous;

    @Autowired
    ConfigurableApplicationContext context;

    @BeforeAll
    static void recordConnections() {
        previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                attempted.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        });
    }

    @AfterAll
    static void restore() {
        ProxySelector.setDefault(previous);
    }

    @Test
    void axonUpdateCheckerAutoConfigurationIsExcluded() {
        ConditionEvaluationReport report = ConditionEvaluationReport.get(context.getBeanFactory());
        assertThat(report.getExclusions())
                .contains("org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration");
        assertThat(context.getBeanNamesForType(org.axonframework.updates.UpdateChecker.class)).isEmpty();
    }

    @Test
    void axonUpdateCheckIsDisabledByEveryMechanismAxonReads() {
        assertThat(context.getEnvironment().getProperty("axon.update-check.disabled", Boolean.class)).isTrue();
        assertThat(context.getEnvironment().getProperty("axon.axonserver.enabled", Boolean.class)).isFalse();
    }

    @Test
    void axonServerConnectorIsNotOnTheClasspath() {
        assertThat(isPresent("org.axonframework.axonserver.connector.AxonServerConnectionManager")).isFalse();
    }

    @Test
    void startingTheLedgerAttemptsNoConnectionToAnotherHost() {
        assertThat(attempted).allSatisfy(uri -> assertThat(isLoopback(uri.getHost()))
                .as("connection attempted to %s", uri).isTrue());
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, NoOutboundConnectionsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

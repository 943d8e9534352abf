package io.edumatrix.platform.remote;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clients a process builds for a remote module, aimed at any base URL (the test's own server, or one that is
 * down), so a contract test can call a module's internal binding the way another process would.
 */
public final class RemoteClientsForTests {

    private RemoteClientsForTests() {}

    /** Clients of {@code module} at {@code baseUrl}, presenting the tokens {@code tokens} makes; quick to give up. */
    public static RemoteModuleClients at(String module, String baseUrl, ServiceTokens tokens, JsonMapper json) {
        var settings = new RemoteProperties.Remote(URI.create(baseUrl), Duration.ofSeconds(1), Duration.ofSeconds(5), 3,
                Duration.ofMillis(50), Duration.ofSeconds(5));
        var beans = new StaticListableBeanFactory(Map.of("tokens", tokens));
        ObjectProvider<ServiceTokens> provider = beans.getBeanProvider(ServiceTokens.class);
        return new RemoteModuleClients(new RemoteProperties(Map.of(module, settings)), provider, RestClient.builder(),
                json);
    }
}

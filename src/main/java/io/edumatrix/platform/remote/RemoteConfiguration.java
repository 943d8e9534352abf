package io.edumatrix.platform.remote;

import io.edumatrix.platform.data.EduMatrixProperties;
import io.edumatrix.platform.data.ModuleStartupException;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RemoteProperties.class)
class RemoteConfiguration {

    /** Just ahead of Spring Security's filter chain ({@code SecurityFilterProperties.DEFAULT_FILTER_ORDER}, -100). */
    private static final int FORWARDING_ORDER = -110;

    @Bean
    RemoteModuleClients remoteModuleClients(EduMatrixProperties modules, RemoteProperties remote,
            ObjectProvider<ServiceTokens> tokens, ObjectProvider<RestClient.Builder> builder, JsonMapper json) {
        for (var module : remote.remote().keySet()) {
            if (modules.modules().contains(module)) {
                throw new ModuleStartupException("Module " + module + " is both local (edumatrix.modules) and remote"
                        + " (edumatrix.remote." + module + ".url)", "Run it here or there, not both: remove one setting");
            }
        }
        return new RemoteModuleClients(remote, tokens, builder.getIfAvailable(RestClient::builder), json);
    }

    /**
     * Public requests for a module served elsewhere, passed on to its process before this process's security chain
     * looks at them: the owner judges the token. Registered off when no module is remote, so a single process pays
     * nothing for it.
     */
    @Bean
    FilterRegistrationBean<PublicRequestForwarding> publicRequestForwarding(RemoteProperties remote, JsonMapper json) {
        var routes = ForwardedRoutes.of(remote.remote().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, module -> module.getValue().url())));
        var registration = new FilterRegistrationBean<>(new PublicRequestForwarding(routes, remote.remote(), json));
        registration.setOrder(FORWARDING_ORDER);
        registration.setEnabled(!routes.isEmpty());
        return registration;
    }
}

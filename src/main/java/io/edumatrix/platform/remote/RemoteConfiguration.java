package io.edumatrix.platform.remote;

import io.edumatrix.platform.data.EduMatrixProperties;
import io.edumatrix.platform.data.ModuleStartupException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RemoteProperties.class)
class RemoteConfiguration {

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
}

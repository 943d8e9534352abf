package io.edumatrix.platform.backup;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link PausedModuleInterceptor} in front of every controller. */
@Configuration(proxyBeanMethods = false)
class BackupWebConfiguration implements WebMvcConfigurer {

    private final PausedModules paused;

    BackupWebConfiguration(PausedModules paused) {
        this.paused = paused;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PausedModuleInterceptor(paused));
    }
}

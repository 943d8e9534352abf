package io.edumatrix.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every handler's path variables pass {@link PathVariableTextInterceptor} first. */
@Configuration(proxyBeanMethods = false)
class PathVariableTextConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PathVariableTextInterceptor());
    }
}

package io.edumatrix.platform.events.crash;

import io.edumatrix.platform.privacy.PersonalDataHolder;
import io.edumatrix.platform.testing.GateFile;
import java.nio.file.Path;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Holds two modules' erasures at a gate file the crash test controls, so it can kill the application part-way: the
 * courses erasure waits before its effect (the crash loses its uncommitted transaction), the institutions erasure waits
 * after its transaction committed (its effect and confirmation exist, its publication is not completed, so the restart
 * delivers the request again and the inbox must swallow it). Only the application started with the
 * {@code erasure-crash-probe} profile has it.
 */
@Configuration(proxyBeanMethods = false)
@Profile("erasure-crash-probe")
class ErasureCrashProbe {

    @Bean
    static BeanPostProcessor heldErasures(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof PersonalDataHolder holder)
                        || !(holder.module().equals("courses") || holder.module().equals("institutions"))) {
                    return bean;
                }
                var gate = Path.of(environment.getRequiredProperty("edumatrix.erasure-crash-probe.gate"));
                var proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) invocation -> {
                    if (!invocation.getMethod().getName().equals("erase")) {
                        return invocation.proceed();
                    }
                    if (holder.module().equals("courses")) {
                        GateFile.awaitOpen(gate);
                        return invocation.proceed();
                    }
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            GateFile.awaitOpen(gate);
                        }
                    });
                    return invocation.proceed();
                });
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }
}

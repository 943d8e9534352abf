package io.edumatrix.platform.data;

import io.edumatrix.platform.OwnClasses;
import java.lang.reflect.Method;
import org.springframework.aop.Advisor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.transaction.interceptor.TransactionAttributeSource;

/**
 * {@link ConflictRetry} around every transactional method of EduMatrix's classes, just outside the transaction advice:
 * a retried call gets a transaction of its own each time. Methods are matched through the transaction advice's own
 * attribute source, whose cache then answers both advisors at start-up (ADR 0017).
 */
@Configuration(proxyBeanMethods = false)
class ConflictRetryConfiguration {

    static final int ORDER = DataPlatformConfiguration.TRANSACTION_ADVICE_ORDER - 1;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor conflictRetryAdvisor(TransactionAttributeSource transactionAttributeSource) {
        var advisor = new DefaultPointcutAdvisor(new TransactionalMethods(transactionAttributeSource), new ConflictRetry());
        advisor.setOrder(ORDER);
        return advisor;
    }

    private static final class TransactionalMethods extends StaticMethodMatcherPointcut {

        private final TransactionAttributeSource attributes;

        TransactionalMethods(TransactionAttributeSource attributes) {
            this.attributes = attributes;
        }

        @Override
        public ClassFilter getClassFilter() {
            return OwnClasses.FILTER;
        }

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            return attributes.getTransactionAttribute(method, targetClass) != null;
        }
    }
}

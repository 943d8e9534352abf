package io.edumatrix.platform.data;

import io.edumatrix.platform.OwnClasses;
import org.springframework.beans.factory.aot.BeanRegistrationExcludeFilter;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.RegisteredBean;

/**
 * Leaves EduMatrix's own bean factory post-processors out of a build processed ahead of time (Spring AOT, ADR 0017).
 * They did their work when the build was processed: the module registrars' definitions are generated code, and the
 * guards checked those definitions. Kept, a registrar would register its beans a second time at start-up.
 */
final class BuildTimePostProcessors implements BeanRegistrationExcludeFilter {

    @Override
    public boolean isExcludedFromAotProcessing(RegisteredBean bean) {
        var type = bean.getBeanClass();
        return BeanFactoryPostProcessor.class.isAssignableFrom(type) && OwnClasses.contains(type);
    }
}

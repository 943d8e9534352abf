/**
 * A deliberate violation for {@code PlatformKernelTests}: a module that reaches past the platform's published kernel.
 * Only that test imports it; it is no configured module and holds no bean.
 */
@ApplicationModule(allowedDependencies = "platform :: *")
package io.edumatrix.unpublishedkernelfixture;

import org.springframework.modulith.ApplicationModule;

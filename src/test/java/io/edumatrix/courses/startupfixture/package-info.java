/**
 * Misbound courses code for {@link io.edumatrix.courses.MisboundModuleCodeTests}: each class is a bean or a
 * repository configuration only when that test registers it. None carries a stereotype, so component scanning of
 * {@code io.edumatrix} never picks one up and every other test's application starts as usual.
 */
package io.edumatrix.courses.startupfixture;

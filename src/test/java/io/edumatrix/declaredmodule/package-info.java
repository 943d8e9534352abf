/**
 * A module added the way the README's "Adding a module" says, for {@code DeclaredModuleTests}: this package, the
 * migration folder {@code db/declaredmodule} (under src/test/resources), and its name in {@code edumatrix.modules},
 * which only that test sets. Its holder is no component, so other tests' applications, which do not list the module,
 * never meet it; the test registers it as the module would declare it.
 */
package io.edumatrix.declaredmodule;

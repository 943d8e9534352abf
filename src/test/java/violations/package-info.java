/**
 * Deliberate isolation violations, the fixtures that prove each isolation rule fails when broken. Two modules,
 * {@code alpha} (clean) and {@code beta} (breaks every rule once, in a class named for what it does), and a
 * {@code platform}. Outside {@code io.edumatrix}, so neither Spring nor Modulith ever sees them.
 */
package violations;

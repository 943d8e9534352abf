/**
 * The machinery every business module stands on: per-module data sources, provisioning, migrations, transaction
 * managers, events, tenancy, privacy, security and HTTP error handling. It owns no business data and imports no
 * business module.
 *
 * <p>A closed module with a published kernel (ADR 0018): modules may use only the types in its named interfaces
 * ({@code @NamedInterface} on the {@code domain} and {@code live} packages, and on single types elsewhere), which they
 * allow with {@code "platform :: *"}. Everything else here is the platform's own wiring, and Spring Modulith's
 * verification refuses a module that reaches it.
 */
@ApplicationModule(displayName = "Platform")
package io.edumatrix.platform;

import org.springframework.modulith.ApplicationModule;

/**
 * The machinery every business module stands on: per-module data sources, provisioning, migrations,
 * transaction managers and HTTP error handling. It owns no business data and imports no business module.
 * Open, because every module uses its sub-packages directly.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.edumatrix.platform;

import org.springframework.modulith.ApplicationModule;

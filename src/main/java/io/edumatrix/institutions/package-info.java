/**
 * Institutions: the tenants of EduMatrix, and their departments. Other modules learn about institutions only through
 * {@link io.edumatrix.institutions.InstitutionsApi} and the events published here.
 */
@ApplicationModule(allowedDependencies = "platform")
package io.edumatrix.institutions;

import org.springframework.modulith.ApplicationModule;

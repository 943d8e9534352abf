package io.edumatrix.courses.startupfixture;

import io.edumatrix.institutions.InstitutionDeactivated;
import org.springframework.modulith.events.ApplicationModuleListener;

/** A courses listener on Spring Modulith's own annotation, which names no transaction manager. */
public class ListensWithApplicationModuleListener {

    @ApplicationModuleListener
    public void on(InstitutionDeactivated event) {}
}

package io.edumatrix.courses.startupfixture;

import io.edumatrix.institutions.InstitutionDeactivated;
import io.edumatrix.platform.events.ModuleListener;

/** A courses listener that names the institutions module, and so would run in its transaction on its pool. */
public class ListensInInstitutionsTransaction {

    @ModuleListener("institutions")
    public void on(InstitutionDeactivated event) {}
}

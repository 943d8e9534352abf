package io.edumatrix.courses.startupfixture;

import org.springframework.transaction.annotation.Transactional;

/** Courses code that names the institutions module's transaction manager. */
public class RunsInInstitutionsTransaction {

    @Transactional("institutions")
    public void closeEnrollment() {}
}

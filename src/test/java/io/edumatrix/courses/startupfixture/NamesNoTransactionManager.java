package io.edumatrix.courses.startupfixture;

import org.springframework.transaction.annotation.Transactional;

/** Courses code that leaves the transaction manager to whatever the context holds by default. */
public class NamesNoTransactionManager {

    @Transactional
    public void enroll() {}
}

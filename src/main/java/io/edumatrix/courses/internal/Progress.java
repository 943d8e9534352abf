package io.edumatrix.courses.internal;

/**
 * How far a student is through a course: lessons completed of those published now. A lesson published later counts
 * against the total, and an archived one no longer does.
 */
record Progress(long completedLessons, int totalLessons) {

    int percent() {
        return totalLessons == 0 ? 0 : (int) Math.min(100, completedLessons * 100 / totalLessons);
    }

    /** Every published lesson complete; a course without any published lesson is never complete. */
    boolean complete() {
        return totalLessons > 0 && completedLessons >= totalLessons;
    }
}

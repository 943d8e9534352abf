package io.edumatrix.feedback;

/** What a piece of feedback is about. A {@link #PLATFORM} feedback names no subject id: there is one platform. */
public enum SubjectType {
    COURSE,
    JOB,
    PLATFORM
}

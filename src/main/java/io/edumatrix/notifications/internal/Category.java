package io.edumatrix.notifications.internal;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** What a notification is about; each can be switched off by its reader. */
enum Category {
    /** The reader was enrolled in a course. */
    ENROLLMENT,
    /** The reader's job application changed status. */
    APPLICATION,
    /** The reader's proposal for a gig was accepted. */
    PROPOSAL,
    /** A contract the reader is a party of was completed. */
    CONTRACT,
    /** An article was published in the reader's institution (a broadcast). */
    ARTICLE,
    /** The reader was mentioned in a room. */
    MENTION,
    /** A course the reader teaches was rated. */
    FEEDBACK,
    /** A lesson was published in a course the reader is enrolled in. */
    LESSON,
    /** The reader completed a course: its certificate is ready. */
    CERTIFICATE;

    /** Every category, on unless its reader switched it off ({@code muted} names those). */
    static Map<Category, Boolean> preferences(Collection<String> muted) {
        var preferences = new EnumMap<Category, Boolean>(Category.class);
        for (var category : values()) {
            preferences.put(category, !muted.contains(category.name()));
        }
        return preferences;
    }
}

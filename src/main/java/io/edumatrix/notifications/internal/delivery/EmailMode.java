package io.edumatrix.notifications.internal.delivery;

/** Whether, and when, a category's notifications are also mailed to their recipient. */
public enum EmailMode {
    /** Not mailed (the default). */
    OFF,
    /** A mail per notification, as soon as it is made. */
    IMMEDIATE,
    /** Collected into one mail a day. */
    DAILY
}

-- Down of db/notifications/V1__create_notification.sql: drops the notifications, read marks, muted categories and device tokens.
DROP TABLE device_token;
DROP TABLE muted_category;
DROP TABLE notification_read;
DROP TABLE notification;

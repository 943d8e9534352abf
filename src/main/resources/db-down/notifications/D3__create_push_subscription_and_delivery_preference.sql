-- Down of db/notifications/V3__create_push_subscription_and_delivery_preference.sql: drops the push subscriptions,
-- the delivery preferences and the stored VAPID key pair (browsers subscribed under it must subscribe again).
DROP TABLE vapid_key;
DROP TABLE delivery_preference;
DROP TABLE push_subscription;

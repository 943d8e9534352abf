-- A browser's Web Push subscription (RFC 8030) for an account in an institution. Its endpoint and keys are personal
-- (the endpoint names one browser at its push service): only ciphertext sealed for the account (ADR 0013), the three
-- as one JSON value. endpoint_index is the endpoint's blind index, so registering the same browser again replaces its
-- subscription instead of adding a second one.
CREATE TABLE push_subscription (
    id             uuid PRIMARY KEY,
    institution_id uuid        NOT NULL,
    account_id     uuid        NOT NULL,
    endpoint_index bytea       NOT NULL,
    subscription   bytea       NOT NULL,
    registered_at  timestamptz NOT NULL
);

CREATE UNIQUE INDEX push_subscription_key ON push_subscription (institution_id, account_id, endpoint_index);
-- The account's subscriptions when a notification is made, and for their export and erasure.
CREATE INDEX push_subscription_account_idx ON push_subscription (account_id, id);

-- How an account receives a category besides the in-app list, where it differs from the default (pushed, no mail).
-- Whether the category is made at all stays muted_category's: a muted category is neither listed, pushed nor mailed.
CREATE TABLE delivery_preference (
    id             uuid PRIMARY KEY,
    institution_id uuid        NOT NULL,
    account_id     uuid        NOT NULL,
    category       text        NOT NULL CHECK (category IN ('ENROLLMENT', 'APPLICATION', 'PROPOSAL', 'CONTRACT',
                                                            'ARTICLE', 'MENTION', 'FEEDBACK', 'LESSON', 'CERTIFICATE')),
    push           boolean     NOT NULL,
    email          text        NOT NULL CHECK (email IN ('OFF', 'IMMEDIATE', 'DAILY')),
    changed_at     timestamptz NOT NULL
);

CREATE UNIQUE INDEX delivery_preference_key ON delivery_preference (account_id, institution_id, category);

-- The application's VAPID key pair (RFC 8292) when none is configured: made once, by whichever instance starts first,
-- and then read by every instance. Global (ADR 0011): it signs pushes of every institution. The private key only as
-- ciphertext under the platform's master key.
CREATE TABLE vapid_key (
    id          smallint    PRIMARY KEY CHECK (id = 1),
    public_key  bytea       NOT NULL,
    private_key bytea       NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE note (
    id                uuid PRIMARY KEY,
    author_account_id uuid NOT NULL,
    text              text NOT NULL,
    version           integer NOT NULL
);

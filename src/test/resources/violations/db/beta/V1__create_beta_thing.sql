CREATE TABLE beta.beta_thing (
    id       uuid PRIMARY KEY,
    alpha_id uuid NOT NULL
);

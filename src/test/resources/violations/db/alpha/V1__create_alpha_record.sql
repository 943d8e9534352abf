-- Comments may mention beta.beta_thing: they are not SQL.
CREATE TABLE alpha.alpha_record (
    id      uuid PRIMARY KEY,
    name    text NOT NULL,
    beta_id uuid /* a plain uuid, never a reference to "beta".beta_thing */
);

-- Has its down script.
CREATE TABLE thing (id uuid PRIMARY KEY);

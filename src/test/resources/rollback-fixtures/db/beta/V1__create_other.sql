-- Has its down script, under another description.
CREATE TABLE other (id uuid PRIMARY KEY);

ALTER TABLE beta.beta_thing
    ADD FOREIGN KEY (alpha_id) REFERENCES "alpha" . alpha_record (id);

CREATE VIEW beta.alpha_names AS
SELECT name FROM alpha.alpha_record;

-- Start-up tests list a module "brokenfixture" to watch a migration fail; this first script succeeds.
CREATE TABLE fixture (id int PRIMARY KEY);

-- Down of db/statistics/V1__create_read_model.sql: drops the read model (rebuilt only by replaying events).
DROP TABLE active_account_day;
DROP TABLE lifecycle_mark;
DROP TABLE daily_figure;
DROP TABLE figure;

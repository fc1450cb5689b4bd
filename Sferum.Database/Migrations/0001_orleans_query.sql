-- The Orleans ADO.NET providers (clustering, grain storage, reminders) issue no SQL of their own: at start they read
-- this table and run, for each query key they know, the text stored here. The keys, parameter names (@Name) and the
-- column names of the results are the providers' contract; the SQL behind them is Sferum's own.
--
-- Conventions in the scripts that follow:
--   * every parameter is cast to its column type, because the providers pass NULLs without a type and PostgreSQL
--     cannot infer one from "@x IS NULL";
--   * queries that answer "did it work?" always return exactly one row with a count (0 = no, 1 = yes), because the
--     providers read the first row and fail on an empty result;
--   * a version row per cluster / per grain state is the optimistic-concurrency token: a write that names a stale
--     version changes nothing.
CREATE TABLE orleansquery (
    querykey  text PRIMARY KEY,
    querytext text NOT NULL
);

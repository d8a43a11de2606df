-- 0017: frameworks waiting to be scored again. A web import that stores a return (a new return or a new version of
-- one) records its framework here; the web's background scorer (Outcomes:Scoring) scores the framework, every period,
-- and removes the row only if it is unchanged since the run began (revision counts every request; requested_at is the
-- latest one's time), so an import arriving meanwhile leads to another run. One row a framework: many imports before
-- a run coalesce into one. started_at is a claim with a lease (another server sharing the store leaves a claimed row
-- alone until Outcomes:Scoring:LeaseMinutes have passed); attempts, retry_after and last_error record failures,
-- retried with a back-off. Rows recorded by the CLI or another server are found by polling. Times are UTC.
CREATE TABLE scoring_requests (
    framework_code  TEXT NOT NULL PRIMARY KEY,
    requested_at    TEXT NOT NULL,
    requested_by    TEXT NOT NULL,
    revision        INTEGER NOT NULL DEFAULT 1,
    started_at      TEXT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    retry_after     TEXT NULL,
    last_error      TEXT NULL
);

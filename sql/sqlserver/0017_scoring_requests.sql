-- 0017: frameworks waiting to be scored again. A web import that stores a return (a new return or a new version of
-- one) records its framework here; the web's background scorer (Outcomes:Scoring) scores the framework, every period,
-- and removes the row only if it is unchanged since the run began (revision counts every request; requested_at is the
-- latest one's time), so an import arriving meanwhile leads to another run. One row a framework: many imports before
-- a run coalesce into one. started_at is a claim with a lease (another server sharing the store leaves a claimed row
-- alone until Outcomes:Scoring:LeaseMinutes have passed); attempts, retry_after and last_error record failures,
-- retried with a back-off. Rows recorded by the CLI or another server are found by polling. Times are UTC.
CREATE TABLE dbo.scoring_requests (
    framework_code  NVARCHAR(64)      NOT NULL CONSTRAINT pk_scoring_requests PRIMARY KEY,
    requested_at    DATETIMEOFFSET(7) NOT NULL,
    requested_by    NVARCHAR(256)     NOT NULL,
    revision        INT               NOT NULL CONSTRAINT df_scoring_requests_revision DEFAULT 1,
    started_at      DATETIMEOFFSET(7) NULL,
    attempts        INT               NOT NULL CONSTRAINT df_scoring_requests_attempts DEFAULT 0,
    retry_after     DATETIMEOFFSET(7) NULL,
    last_error      NVARCHAR(2000)    NULL
);
GO

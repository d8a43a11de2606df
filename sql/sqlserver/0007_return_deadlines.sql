-- 0007: each framework says how many days after a period its returns are due, so packs and the dashboard can list
-- returns that are missing or late. Frameworks stored before 0007 keep the usual 20 days.
ALTER TABLE dbo.frameworks ADD
    return_deadline_days INT NOT NULL CONSTRAINT df_frameworks_return_deadline_days DEFAULT 20;

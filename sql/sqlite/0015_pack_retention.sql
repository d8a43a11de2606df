-- 0015: packs are kept for Outcomes:Packs:KeepDays, then their files are removed by the clean-up and the job is marked
-- expired: the row stays (who asked for what, when, and that it was made), only the files go. A made pack can be made
-- again from the stored scores. NULL: not expired.
ALTER TABLE pack_jobs ADD COLUMN expired_at TEXT NULL;

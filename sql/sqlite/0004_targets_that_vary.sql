-- 0004: targets that vary by period and targets judged on the confidence interval.
-- Every column is nullable, so targets stored before this script read back unchanged
-- (not phased, no trajectory, judged on the value).

-- none | equal | profile (TargetPhasing); NULL: none.
ALTER TABLE targets ADD COLUMN phasing TEXT NULL;

-- The profile's shares as "20/25/25/30" (4 quarters or 12 months, April first); NULL unless phasing is profile.
ALTER TABLE targets ADD COLUMN phasing_profile TEXT NULL;

-- A trajectory: from baseline_value at baseline_date in a straight line to value by target_date.
ALTER TABLE targets ADD COLUMN baseline_value TEXT NULL;
ALTER TABLE targets ADD COLUMN baseline_date TEXT NULL;
ALTER TABLE targets ADD COLUMN target_date TEXT NULL;

-- 1: judge the whole confidence interval against the target; 0 or NULL: the value alone.
ALTER TABLE targets ADD COLUMN use_confidence_interval INTEGER NULL;

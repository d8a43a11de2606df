-- 0004: targets that vary by period and targets judged on the confidence interval.
-- Every column is nullable, so targets stored before this script read back unchanged
-- (not phased, no trajectory, judged on the value).

-- phasing: none | equal | profile (TargetPhasing); NULL: none.
-- phasing_profile: the shares as "20/25/25/30" (4 quarters or 12 months, April first); NULL unless phasing is profile.
-- baseline_value, baseline_date, target_date: a trajectory from the baseline in a straight line to value by target_date.
-- use_confidence_interval: 1 judges the whole confidence interval against the target; 0 or NULL the value alone.
ALTER TABLE dbo.targets ADD
    phasing                 NVARCHAR(16)   NULL,
    phasing_profile         NVARCHAR(256)  NULL,
    baseline_value          DECIMAL(19, 6) NULL,
    baseline_date           DATE           NULL,
    target_date             DATE           NULL,
    use_confidence_interval BIT            NULL;
GO

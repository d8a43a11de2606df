-- 0006: what the scoring engine says beyond RAG and direction: the five-level band, the two-level England comparison,
-- the SPC reading of the point (limits, special cause, variation and assurance icons, trial limits), the recent trend,
-- the quintile among peers and the funnel position against the parent. Rows scored before 0006 read back as "not computed".
ALTER TABLE scores ADD COLUMN band TEXT NULL;
ALTER TABLE scores ADD COLUMN england_significance TEXT NOT NULL DEFAULT 'NotCompared';
ALTER TABLE scores ADD COLUMN spc_variation TEXT NULL;
ALTER TABLE scores ADD COLUMN spc_assurance TEXT NULL;
ALTER TABLE scores ADD COLUMN spc_special_cause INTEGER NULL;
ALTER TABLE scores ADD COLUMN spc_mean TEXT NULL;
ALTER TABLE scores ADD COLUMN spc_lower TEXT NULL;
ALTER TABLE scores ADD COLUMN spc_upper TEXT NULL;
ALTER TABLE scores ADD COLUMN spc_points INTEGER NULL;
ALTER TABLE scores ADD COLUMN spc_trial INTEGER NULL;
ALTER TABLE scores ADD COLUMN spc_explanation TEXT NULL;
ALTER TABLE scores ADD COLUMN recent_trend TEXT NOT NULL DEFAULT 'NotCalculable';
ALTER TABLE scores ADD COLUMN recent_trend_explanation TEXT NULL;
ALTER TABLE scores ADD COLUMN peer_quintile INTEGER NULL;
ALTER TABLE scores ADD COLUMN funnel_position TEXT NOT NULL DEFAULT 'NotCalculable';

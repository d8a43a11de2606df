-- 0006: what the scoring engine says beyond RAG and direction: the five-level band, the two-level England comparison,
-- the SPC reading of the point (limits, special cause, variation and assurance icons, trial limits), the recent trend,
-- the quintile among peers and the funnel position against the parent. Rows scored before 0006 read back as "not computed".
ALTER TABLE dbo.scores ADD
    band                     NVARCHAR(4)    NULL,
    england_significance     NVARCHAR(16)   NOT NULL CONSTRAINT df_scores_england_significance DEFAULT N'NotCompared',
    spc_variation            NVARCHAR(32)   NULL,
    spc_assurance            NVARCHAR(32)   NULL,
    spc_special_cause        BIT            NULL,
    spc_mean                 DECIMAL(19, 6) NULL,
    spc_lower                DECIMAL(19, 6) NULL,
    spc_upper                DECIMAL(19, 6) NULL,
    spc_points               INT            NULL,
    spc_trial                BIT            NULL,
    spc_explanation          NVARCHAR(MAX)  NULL,
    recent_trend             NVARCHAR(32)   NOT NULL CONSTRAINT df_scores_recent_trend DEFAULT N'NotCalculable',
    recent_trend_explanation NVARCHAR(MAX)  NULL,
    peer_quintile            INT            NULL,
    funnel_position          NVARCHAR(32)   NOT NULL CONSTRAINT df_scores_funnel_position DEFAULT N'NotCalculable';
GO

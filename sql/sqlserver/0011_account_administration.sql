-- 0011: what the users and account pages need. An account can be disabled (kept, with its history, but unable to
-- sign in or use its tokens); its last sign-in is shown to administrators; a personal API token may have an expiry.
ALTER TABLE dbo.users ADD disabled_at DATETIMEOFFSET(7) NULL, last_signed_in_at DATETIMEOFFSET(7) NULL;
GO

ALTER TABLE dbo.api_tokens ADD expires_at DATETIMEOFFSET(7) NULL;
GO

-- The citizen's secret follow-up key, which rating and reopening a report require: the tracking
-- code alone is published by Open311's requests.json for public categories, so it proves nothing.
-- Stored as the SHA-256 of "<report id>:<key>" (hex); the key itself is shown once, when filing.
-- Reports filed before this column existed keep NULL: no key matches them, so they can no longer
-- be rated or reopened by their citizens (their agencies still answer them as before).
ALTER TABLE report ADD COLUMN follow_up_key_sha256 text;

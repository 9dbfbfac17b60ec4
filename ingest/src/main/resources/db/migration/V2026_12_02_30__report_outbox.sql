-- When the broker last took a report for the stream job. A report still without it after the
-- console's own retries (the broker was down longer) is published again by the outbox sweep.
ALTER TABLE report ADD COLUMN published_at timestamptz;
-- reports filed before this column existed were published when filed
UPDATE report SET published_at = requested_at;
CREATE INDEX report_unpublished ON report (requested_at) WHERE published_at IS NULL;

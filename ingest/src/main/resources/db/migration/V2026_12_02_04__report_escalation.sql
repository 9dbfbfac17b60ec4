-- When an open report past its deadline was escalated to the supervisors; cleared when they
-- reassign it or extend its deadline, and when the citizen reopens it, so it may escalate again.
ALTER TABLE report ADD COLUMN escalated_at timestamptz;
CREATE INDEX report_to_escalate ON report (deadline) WHERE status = 'open' AND escalated_at IS NULL;

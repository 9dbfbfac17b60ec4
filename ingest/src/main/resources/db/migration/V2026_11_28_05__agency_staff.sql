-- Agency staff belong to an agency; staff of the ward People's Committees (agency 'ward') also
-- to one ward, whose queue they work. Staff without an agency see an empty queue.
ALTER TABLE app_user ADD COLUMN agency text REFERENCES agency (code);
ALTER TABLE app_user ADD COLUMN ward text;

-- When a report was last closed (the agency's queue keeps it for 30 days, the citizen may reopen
-- it within 30 days) and when the citizen reopened it (once only).
ALTER TABLE report ADD COLUMN closed_at timestamptz;
ALTER TABLE report ADD COLUMN reopened_at timestamptz;

-- The citizen's rating of a closed report; a new rating replaces the last one (each is also
-- recorded in report_event).
CREATE TABLE report_rating (
    report_id text        PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,
    stars     integer     NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment   text,
    rated_at  timestamptz NOT NULL
);

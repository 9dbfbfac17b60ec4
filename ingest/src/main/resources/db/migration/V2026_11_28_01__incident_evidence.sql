-- What an incident rests on: the devices and citizen reports that showed it (one entry per
-- source, as JSON like the incident message's 'evidence') and how sure the job is of it.
ALTER TABLE incident ADD COLUMN confidence double precision;
ALTER TABLE incident ADD COLUMN evidence jsonb NOT NULL DEFAULT '[]'::jsonb;

-- Reports joined to incidents, to find from a report the incidents it confirmed.
CREATE TABLE incident_report (
    incident_id text        NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    report_id   text        NOT NULL,
    linked_at   timestamptz NOT NULL,
    PRIMARY KEY (incident_id, report_id)
);
CREATE INDEX incident_report_by_report ON incident_report (report_id);

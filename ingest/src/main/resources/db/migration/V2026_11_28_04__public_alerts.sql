-- Incidents an operator made public (a flood, a closed road): shown on the public alerts page
-- and in its CAP 1.2 and Atom feeds, in the operator's words.
CREATE TABLE public_alert (
    incident_id  text        PRIMARY KEY REFERENCES incident (id) ON DELETE CASCADE,
    headline     text        NOT NULL,
    description  text        NOT NULL,
    published_at timestamptz NOT NULL,
    published_by text        NOT NULL,
    updated_at   timestamptz NOT NULL,
    withdrawn_at timestamptz
);
CREATE INDEX public_alert_recent ON public_alert (updated_at DESC);

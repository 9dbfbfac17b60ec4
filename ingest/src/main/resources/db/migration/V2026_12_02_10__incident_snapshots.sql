-- The camera picture of an incident at the time it happened, kept by the console when an
-- incident with camera evidence reaches it: the camera event's own snapshot, or else the frame
-- received closest to the event. Operators only: never served on citizens' pages. There is no
-- foreign key to incident: the console may hear of an incident before the job's row is
-- committed, and a snapshot is kept once, on the first message that names the camera.
CREATE TABLE incident_snapshot (
    incident_id text        NOT NULL,
    site        text        NOT NULL,
    camera      text        NOT NULL,
    taken_at    timestamptz NOT NULL,
    source      text        NOT NULL CHECK (source IN ('EVENT', 'FRAME')),
    jpeg        bytea       NOT NULL,
    kept_at     timestamptz NOT NULL,
    PRIMARY KEY (incident_id, site, camera)
);

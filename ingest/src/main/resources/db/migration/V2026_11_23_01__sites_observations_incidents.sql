-- Edge sites (one agent at one intersection) and their sensors and cameras, as their
-- birth messages describe them.
CREATE TABLE site (
    id            text PRIMARY KEY,
    agent_id      text NOT NULL,
    name          text,
    lat           double precision,
    lon           double precision,
    ward          text,
    online        boolean NOT NULL DEFAULT false,
    status_reason text,
    status_at     timestamptz,
    last_seen     timestamptz,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE device (
    site      text NOT NULL REFERENCES site (id) ON DELETE CASCADE,
    id        text NOT NULL,
    kind      text NOT NULL CHECK (kind IN ('SENSOR', 'CAMERA')),
    type      text NOT NULL,
    public    boolean NOT NULL DEFAULT false,
    PRIMARY KEY (site, id)
);

-- Raw readings. (agent_id, seq, idx) names a reading across redeliveries; time is in the
-- key because a TimescaleDB hypertable needs its partitioning column in every unique index.
CREATE TABLE observation (
    time      timestamptz      NOT NULL,
    site      text             NOT NULL,
    device    text             NOT NULL,
    metric    text             NOT NULL,
    unit      text,
    value     double precision NOT NULL,
    agent_id  text             NOT NULL,
    seq       bigint           NOT NULL,
    idx       integer          NOT NULL,
    PRIMARY KEY (agent_id, seq, idx, time)
);
CREATE INDEX observation_series ON observation (site, device, metric, time DESC);

-- Messages that could not be decoded, kept whole with the reason.
CREATE TABLE dead_letter (
    id          bigserial PRIMARY KEY,
    received_at timestamptz NOT NULL,
    topic       text        NOT NULL,
    site        text,
    reason      text        NOT NULL,
    payload     bytea       NOT NULL
);
CREATE INDEX dead_letter_received ON dead_letter (received_at DESC);

CREATE TABLE incident (
    id         text PRIMARY KEY,
    type       text        NOT NULL,
    severity   text        NOT NULL,
    status     text        NOT NULL,
    site       text,
    device     text,
    metric     text,
    lat        double precision,
    lon        double precision,
    ward       text,
    opened_at  timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    closed_at  timestamptz,
    value      double precision,
    summary    text,
    version    bigint      NOT NULL
);
CREATE INDEX incident_recent ON incident (opened_at DESC);
CREATE INDEX incident_active ON incident (status) WHERE status IN ('OPEN', 'ACKNOWLEDGED');

-- The audit trail: every change, by whom. The stream job's changes carry the incident
-- version, so a replay after a restore does not write them twice.
CREATE TABLE incident_event (
    id          bigserial PRIMARY KEY,
    incident_id text        NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    version     bigint,
    detail      text
);
CREATE UNIQUE INDEX incident_event_once ON incident_event (incident_id, version) WHERE version IS NOT NULL;
CREATE INDEX incident_event_by_incident ON incident_event (incident_id, at);

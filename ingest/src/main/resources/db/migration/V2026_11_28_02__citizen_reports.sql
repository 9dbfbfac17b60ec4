-- Citizen reports (Open311 GeoReport v2). Agencies and categories are seeded by the console
-- from its catalog when absent, so an administrator's later edits to these rows are kept.
CREATE TABLE agency (
    code    text PRIMARY KEY,
    name_vi text NOT NULL,
    name_en text NOT NULL,
    scope   text NOT NULL CHECK (scope IN ('PROVINCE', 'WARD'))
);

-- Exactly one of sla_hours (calendar hours) and sla_working_days is set.
CREATE TABLE report_category (
    code             text PRIMARY KEY,
    name_vi          text    NOT NULL,
    name_en          text    NOT NULL,
    agency           text    NOT NULL REFERENCES agency (code),
    sla_hours        integer CHECK (sla_hours > 0),
    sla_working_days integer CHECK (sla_working_days > 0),
    urgent           boolean NOT NULL DEFAULT false,
    public           boolean NOT NULL DEFAULT true,
    active           boolean NOT NULL DEFAULT true,
    CHECK ((sla_hours IS NULL) <> (sla_working_days IS NULL))
);

-- id is the citizen's tracking code: short, random, unguessable. Contact details are never
-- shown publicly. client is the app's Open311 api_key, when it gave one.
CREATE TABLE report (
    id            text             PRIMARY KEY,
    category      text             NOT NULL REFERENCES report_category (code),
    lat           double precision NOT NULL,
    lon           double precision NOT NULL,
    ward          text,
    agency        text             NOT NULL,
    description   text,
    contact_name  text,
    contact_email text,
    contact_phone text,
    status        text             NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    status_notes  text,
    deadline      timestamptz      NOT NULL,
    duplicate_of  text             REFERENCES report (id),
    media_url     text,
    address       text,
    requested_at  timestamptz      NOT NULL,
    updated_at    timestamptz      NOT NULL,
    client        text
);
-- Open311 listing: newest first within a time window, optionally by category or status.
CREATE INDEX report_by_time ON report (requested_at DESC);
CREATE INDEX report_by_category ON report (category, requested_at DESC);
-- Duplicate search: open originals of a category, recent; the distance is checked on these few.
CREATE INDEX report_open_originals ON report (category, requested_at) WHERE status = 'open' AND duplicate_of IS NULL;
CREATE INDEX report_duplicates ON report (duplicate_of) WHERE duplicate_of IS NOT NULL;
-- An agency's queue.
CREATE INDEX report_queue ON report (agency, ward, status, deadline);

CREATE TABLE report_event (
    id        bigserial   PRIMARY KEY,
    report_id text        NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    at        timestamptz NOT NULL,
    actor     text        NOT NULL,
    action    text        NOT NULL,
    detail    text
);
CREATE INDEX report_event_by_report ON report_event (report_id, at);

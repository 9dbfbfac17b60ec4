-- What administrators changed, by whom and when: users, agencies, categories, devices, apps, tokens.
CREATE TABLE audit_log (
    id     bigserial   PRIMARY KEY,
    at     timestamptz NOT NULL,
    actor  text        NOT NULL,
    action text        NOT NULL,
    target text,
    detail text
);
CREATE INDEX audit_log_recent ON audit_log (at DESC, id DESC);

-- An administrator's name and place for a site win over its birth message's, which the stream
-- job rewrites at every birth; the ward follows the place.
ALTER TABLE site ADD COLUMN name_override text;
ALTER TABLE site ADD COLUMN lat_override double precision;
ALTER TABLE site ADD COLUMN lon_override double precision;
ALTER TABLE site ADD COLUMN ward_override text;

-- Administrators' settings of a device, kept apart from the device rows that every birth
-- message replaces: a retired device leaves the map, a hidden camera leaves the public pages.
CREATE TABLE device_setting (
    site       text        NOT NULL,
    device     text        NOT NULL,
    hidden     boolean     NOT NULL DEFAULT false,
    retired_at timestamptz,
    PRIMARY KEY (site, device)
);

-- Citizens' photos of their reports, at most three each. Only the re-encoded JPEG is kept:
-- the upload as sent (with its EXIF GPS, camera serial, thumbnails) is never stored.
CREATE TABLE report_photo (
    report_id  text        NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    n          smallint    NOT NULL CHECK (n BETWEEN 1 AND 3),
    jpeg       bytea       NOT NULL,
    width      integer     NOT NULL CHECK (width > 0),
    height     integer     NOT NULL CHECK (height > 0),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (report_id, n)
);

-- TimescaleDB where it is installed: observations become a hypertable with compression and
-- retention. On plain PostgreSQL (the embedded database, CI) this does nothing and the same
-- queries work on the plain table.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
        CREATE EXTENSION IF NOT EXISTS timescaledb;
        PERFORM create_hypertable('observation', by_range('time', INTERVAL '1 day'),
                                  if_not_exists => TRUE, migrate_data => TRUE);
        ALTER TABLE observation SET (timescaledb.compress,
                                     timescaledb.compress_segmentby = 'site, device, metric',
                                     timescaledb.compress_orderby = 'time DESC');
        PERFORM add_compression_policy('observation', INTERVAL '7 days', if_not_exists => TRUE);
        PERFORM add_retention_policy('observation', INTERVAL '400 days', if_not_exists => TRUE);
        RAISE NOTICE 'TimescaleDB: observation is a hypertable';
    ELSE
        RAISE NOTICE 'TimescaleDB not installed: observation stays a plain table';
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE WARNING 'TimescaleDB present but not usable by this role (%): observation stays a plain table', SQLERRM;
END
$$;

#!/bin/sh
# Run once by the image's entrypoint when it creates the database (/docker-entrypoint-initdb.d/,
# after the image's own timescaledb-tune): makes PostgreSQL read ioc.conf, mounted at
# /etc/postgresql/conf.d/ioc.conf, after the tuned settings, so that its values win. The image
# reads only $PGDATA/postgresql.conf by itself. A database created before this script existed
# needs the same line added by hand.
set -e
echo "include_if_exists '/etc/postgresql/conf.d/ioc.conf'" >> "$PGDATA/postgresql.conf"

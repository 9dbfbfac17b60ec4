#!/usr/bin/env bash
# WebSocket push latency: the real console with browsers logged in over /ws/live (500 by default)
# and incident updates published over MQTT (100 a second); for every (update, browser) the delay
# from the MQTT publish to the WebSocket frame, with a one-browser baseline and the broker's own
# publish-to-subscribe delay in the same run. Figures go to console/bench/push-benchmark.md.
#
#   console/bench/push-benchmark.sh [clients rate warmup-s baseline-s measure-s label logins]
#       (from the repository root; about 5 minutes with the defaults 500 100 15 30 60, most of it
#        the 500 logins: the password hash is meant to be slow)
#
# Uses the machine's Mosquitto (127.0.0.1:1883) and PostgreSQL (127.0.0.1:5432, database test)
# when they answer, else embedded ones; IOC_TEST_MQTT_URL / IOC_TEST_PG_URL choose others.
# MVN_FLAGS is passed to Maven (e.g. -o when offline).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${IOC_TEST_MQTT_URL:-}" ] && (exec 3<>/dev/tcp/127.0.0.1/1883) 2>/dev/null; then
  export IOC_TEST_MQTT_URL=tcp://127.0.0.1:1883
fi
if [ -z "${IOC_TEST_PG_URL:-}" ] && command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; then
  export IOC_TEST_PG_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
fi
# ingest from this tree (its classes and test helpers); the other modules as Maven resolves them
mvn -q -B ${MVN_FLAGS:-} -pl ingest,console -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
cp="console/target/test-classes:console/target/classes:$(cat console/target/bench.cp)"
java -Xms1g -Xmx1g -cp "$cp" vn.ioc.console.bench.PushLatencyBenchmark console/bench/push-benchmark.md \
  "${1:-500}" "${2:-100}" "${3:-15}" "${4:-30}" "${5:-60}" "${6:-}" "${7:-${1:-500}}" 2>&1 | tee console/target/push-benchmark.log \
  | grep --line-buffered -E '^\[push-benchmark\]| ERROR '
echo "wrote console/bench/push-benchmark.md (log in console/target/push-benchmark.log)"

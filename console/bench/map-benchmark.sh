#!/usr/bin/env bash
# Map benchmark: the operator map with 10,000 devices and 1,000 open incidents in headless
# Chromium, clustered (as shipped) and unclustered (?cluster=off, the baseline) alternately in
# one run: first contentful paint, the time until every marker is in its layer and drawn, and
# how long the page's main thread was blocked. Figures go to console/bench/map-benchmark.md.
#
#   console/bench/map-benchmark.sh            (from anywhere; a few minutes)
#
# The console runs against a fresh schema of IOC_TEST_PG_URL and the broker of IOC_TEST_MQTT_URL
# when set (as in .ci/run), otherwise embedded ones. Needs /usr/bin/chromium and chromedriver.
# BENCH_DEVICES, BENCH_INCIDENTS and BENCH_RUNS change the scale and the number of loads.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=console/bench/map-benchmark.md
{
  echo "# Map benchmark"
  echo
  echo "Made by \`console/bench/map-benchmark.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);"
  echo "$(/usr/bin/chromium --version 2>/dev/null || echo Chromium) headless, window 1400×900, no base map tiles; console, database and browser on the same machine."
  echo "Devices are sites of one device each (every fifth a camera, so camera markers come on top), spread at random over"
  echo "Huế; incidents are open, of all types, one in twenty critical. Each load is a navigation of a logged-in browser from a blank page,"
  echo "clustered and unclustered in turn; a first load warms the server and is not counted."
  echo
  echo "- *first contentful paint*: the Performance API's \`first-contentful-paint\` (the top bar and the empty map)."
  echo "- *in their layer*: every marker handed to the cluster group (or, unclustered, to the plain layer); the page marks it."
  echo "- *drawn, page free again*: the first task after the next animation frame once they are in: what the operator waits for."
  echo "- *main thread blocked*: the sum of long tasks (over 50 ms) until then, when the page does not answer clicks or keys."
  echo "- The machine is shared: other builds may run at the same time, so single figures move by a few hundred ms."
} > "$out"
mvn -q -B -o -pl ingest,console test -Dtest=MapBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.out="$PWD/$out" -Dbench.devices="${BENCH_DEVICES:-10000}" -Dbench.incidents="${BENCH_INCIDENTS:-1000}" \
  -Dbench.runs="${BENCH_RUNS:-3}"
echo "wrote $out"

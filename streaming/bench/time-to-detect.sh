#!/usr/bin/env bash
# Time to detect: for each labelled window of NAB's realTraffic series, the delay from the window's
# start to the first incident the job's detection raises, and the incidents outside the windows per
# day. Figures go to streaming/bench/time-to-detect.md.
#
#   streaming/bench/time-to-detect.sh        (from the repository root; a minute or so)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -f ../pom.xml -pl streaming -am -DskipTests install
mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench.cp)" vn.ioc.streaming.job.TimeToDetect \
  src/test/resources/nab/data bench/time-to-detect.md > /dev/null
echo "wrote streaming/bench/time-to-detect.md"

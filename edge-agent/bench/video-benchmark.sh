#!/usr/bin/env bash
# Video benchmark: frames per second of decoding alone and of decoding + camera analytics, at
# 640×352 and 1280×720, one camera and four side by side, on one core and on two (taskset), and
# the privacy filter's cost per published frame. Figures go to edge-agent/bench/video-benchmark.md.
#
#   edge-agent/bench/video-benchmark.sh        (from the repository root; takes a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -f pom.xml -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
cp="target/test-classes:target/classes:$(cat target/bench.cp)"
out=bench/video-benchmark.md
{
  echo "# Video benchmark"
  echo
  echo "Made by \`edge-agent/bench/video-benchmark.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)."
  echo "Each figure: 1,200 frames per camera of the street-2lane clip (looped; the 1280×720 file is the clip scaled up and encoded as H.264), FFmpeg with one decoding thread and OpenCV with one thread per camera."
} > "$out"
for cores in 0 0,1; do
  taskset -c "$cores" java -Xmx1g -cp "$cp" vn.ioc.edge.bench.VideoBenchmark "taskset -c $cores" "$out" target/bench
done
echo "wrote edge-agent/$out"

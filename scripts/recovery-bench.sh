#!/bin/bash
# Kill -9 of `run` (broker in its own process), restart at once, time to RUNNING.
JAR=${JAR:-target/wirestream.jar}
D=$(mktemp -d /tmp/wirestream-recovery.XXXX)
PORT=${PORT:-19092}
java -jar $JAR broker --port $PORT --data-dir $D/broker > $D/broker.out 2> $D/broker.err &
BPID=$!
until grep -q "ready" $D/broker.out 2>/dev/null; do sleep 0.2; done
start_run() { java -jar $JAR run -b 127.0.0.1:$PORT --data-dir $D/run --metrics-port 0 --status-interval PT5S > $D/run$1.out 2> $D/run$1.err & echo $!; }
wait_running() { until grep -q "REBALANCING -> RUNNING" $D/run$1.err 2>/dev/null; do sleep 0.05; done; }
t=$(date +%s.%N); RPID=$(start_run 0); wait_running 0; echo "first start to RUNNING: $(echo "$(date +%s.%N) - $t" | bc) s"
java -jar $JAR produce -b 127.0.0.1:$PORT -s pti src/main/resources/demo/feed > /dev/null 2>&1
sleep 3
for i in 1 2 3; do
  kill -9 $RPID; wait $RPID 2>/dev/null
  t=$(date +%s.%N); RPID=$(start_run $i); wait_running $i
  echo "kill -9 #$i, restart to RUNNING: $(echo "$(date +%s.%N) - $t" | bc) s"
  java -jar $JAR produce -b 127.0.0.1:$PORT -s ap$i src/main/resources/demo/feed > /dev/null 2>&1
  sleep 3
done
kill $RPID; wait $RPID 2>/dev/null
t=$(date +%s.%N); RPID=$(start_run 9); wait_running 9; echo "clean stop, restart to RUNNING: $(echo "$(date +%s.%N) - $t" | bc) s"
kill $RPID $BPID; wait
echo "logs in $D"

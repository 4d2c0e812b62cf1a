/**
 * Running a topology against Kafka, shared by the commands and by the measuring code (bench):
 * typed configuration ({@link io.wirestream.runtime.WirestreamConfig}), where Kafka is (the embedded
 * broker or a cluster) and topic creation ({@link io.wirestream.runtime.KafkaRuntime}), the
 * KafkaStreams lifecycle ({@link io.wirestream.runtime.StreamsRunner}), reading what was committed
 * ({@link io.wirestream.runtime.CommittedReader}, {@link io.wirestream.runtime.TopicCounter}) and a
 * progress line. Depends on the topology and the broker, never on {@code app}, {@code bench} or
 * {@code eval}; no stage depends on it.
 */
package io.wirestream.runtime;

/**
 * The program: command line, configuration from file and environment, the embedded broker or a real
 * cluster, topic creation and the KafkaStreams lifecycle. The topology itself is built in
 * {@link io.wirestream.topology.WirestreamTopology}.
 */
package io.wirestream.app;

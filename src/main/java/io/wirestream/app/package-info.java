/**
 * The program: the entry point {@link io.wirestream.app.WirestreamCli} and one class per command.
 * Commands only read options and call into {@code runtime} (configuration, Kafka, the KafkaStreams
 * lifecycle), {@code topology}, {@code ingest}, {@code eval} and {@code bench}. Nothing depends on
 * this package except the entry point itself.
 */
package io.wirestream.app;

/**
 * The embedded broker: a real single-node KRaft Kafka broker run inside the JVM from the broker jars
 * on Maven Central (KAFKA-NOTES.md), used when no cluster is given, and by the tests, demo and bench.
 */
package io.wirestream.broker;

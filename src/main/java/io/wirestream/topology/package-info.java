/**
 * The one place that wires the stages into a Kafka Streams topology, and the names of its topics.
 */
package io.wirestream.topology;

/**
 * Delivery of alerts outside the topology: the webhook sink is a plain consumer of alerts.desk (its
 * own consumer group, read_committed), so a slow or failing receiver never blocks stream processing.
 */
package io.wirestream.sink;

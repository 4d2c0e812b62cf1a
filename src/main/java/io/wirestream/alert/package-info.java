/**
 * Alert stage: decides which accepted stories editors must hear about now, and emits an Alert.
 * Consumes accepted stories (stories.enriched); emits alerts keyed by cluster id.
 */
package io.wirestream.alert;

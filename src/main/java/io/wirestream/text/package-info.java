/**
 * Text normalisation and content fingerprints: one home for how story text is compared, used by the
 * parse stage (content hash), the versions stage (redelivery = same fingerprint) and the
 * near-duplicate stage to come. Plain functions; no Kafka, no Avro.
 */
package io.wirestream.text;

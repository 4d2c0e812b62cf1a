/**
 * How records look on the topics: Avro single-object encoding (schema fingerprint in each value, no
 * registry needed; any consumer holding schemas/ can decode), the lenient wire.raw reader that also
 * takes plain bytes from tools such as kcat, and the ninjs-style JSON mirrors.
 */
package io.wirestream.serde;

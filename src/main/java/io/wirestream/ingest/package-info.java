/**
 * Producers: capture wire items (files, folders, stdin) as {@link io.wirestream.avro.RawWireItem}s and
 * publish them to wire.raw untouched (DESIGN.md decision 1, "raw first"). No parsing happens here.
 */
package io.wirestream.ingest;

/**
 * Producers: capture wire items as {@link io.wirestream.avro.RawWireItem}s and publish them to wire.raw
 * untouched (DESIGN.md decision 1, "raw first"). No parsing happens here.
 *
 * <ul>
 * <li>files, folders and stdin, once ({@code produce PATH...});</li>
 * <li>{@link io.wirestream.ingest.DropFolderWatcher}: a newsroom drop folder, files moved to done/ or error/;</li>
 * <li>{@link io.wirestream.ingest.FeedPoller}: an RSS/Atom feed, each entry once, with conditional GET;</li>
 * <li>{@link io.wirestream.ingest.HttpIngestServer}: agencies that push over HTTP.</li>
 * </ul>
 *
 * <p>All of them publish through {@link io.wirestream.ingest.ItemPublisher} ({@link
 * io.wirestream.ingest.WireProducer} in the application) and forget an item only once the broker has
 * acknowledged it. The size rule is shared: an item over max.item.bytes is sent as a 64 KiB preview
 * with originalSize set and becomes a dead letter with the reason "oversized item", because a folder
 * or a feed has no one to tell; only the HTTP endpoint, whose client is waiting for an answer,
 * refuses it with 413 instead. Nothing a producer took is lost without a trace: it is in wire.raw (and
 * so accounted for downstream), in a drop folder's error/, or refused to an HTTP client's face.
 */
package io.wirestream.ingest;

package io.wirestream.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.avro.RawWireItem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Test data builders for raw wire items: {@code WireItems.ninjs("urn:x").headline("...").at(t0).item()}. */
public final class WireItems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WireItems() {
    }

    public static Ninjs ninjs(String uri) {
        return new Ninjs(uri);
    }

    public static RawWireItem raw(String source, String format, byte[] payload, Instant receivedAt) {
        return RawWireItem.newBuilder()
                .setItemId("item-" + Integer.toHexString(java.util.Arrays.hashCode(payload)))
                .setSource(source)
                .setFormat(format)
                .setReceivedAt(receivedAt)
                .setOrigin("test")
                .setPayload(ByteBuffer.wrap(payload))
                .build();
    }

    /** An ANPA-1312 message of our own words, numbered {@code sequence} on its line ("a0101"), dated 5 Dec 2026. */
    public static RawWireItem anpa(String source, String sequence, String keyword, String headline, Instant receivedAt) {
        String s = "\u0016\u0016\u0001" + sequence + "\u001Fsel\nr a\u0013\u0011 " + keyword + "   12-05 0042\n"
                + "\u0002^" + keyword + ",42<\n^" + headline + "<\n"
                + "\t   WASHINGTON (AP) _ " + headline + " and more words follow here.\n\u0003AP-WF-12-05-26 1000GMT<\n\u0004";
        RawWireItem r = raw(source, "anpa", s.getBytes(StandardCharsets.US_ASCII), receivedAt);
        r.setItemId(source + "-" + sequence);
        return r;
    }

    public static RawWireItem plain(String source, String itemId, String text, Instant receivedAt) {
        RawWireItem r = raw(source, "plain", text.getBytes(StandardCharsets.UTF_8), receivedAt);
        r.setItemId(itemId);
        return r;
    }

    /** A ninjs 1.x text item. */
    public static final class Ninjs {
        private final ObjectNode n = JSON.createObjectNode();
        private String source = "ap";
        private Instant at = Instant.parse("2026-11-28T10:00:00Z");

        private Ninjs(String uri) {
            n.put("uri", uri).put("type", "text").put("version", "1").put("pubstatus", "usable")
                    .put("headline", "Headline of " + uri).put("body_text", "Body of " + uri + ".");
        }

        public String uri() { return n.get("uri").asText(); }
        public Ninjs version(String v) { n.put("version", v); return this; }
        public Ninjs headline(String h) { n.put("headline", h); return this; }
        public Ninjs body(String b) { n.put("body_text", b); return this; }
        public Ninjs description(String d) { n.put("description_text", d); return this; }
        public Ninjs bodyHtml(String html) { n.remove("body_text"); n.put("body_html", html); return this; }
        public Ninjs urgency(int u) { n.put("urgency", u); return this; }
        public Ninjs canceled() { n.put("pubstatus", "canceled"); return this; }
        public Ninjs signal(String s) { n.withArray("signals").add(s); return this; }
        public Ninjs from(String s) { source = s; return this; }
        public Ninjs embargoed(Instant until) { n.put("embargoed", until.toString()); return this; }
        /** Leaves a field out: a version-less item, a bare cancel without headline or text. */
        public Ninjs without(String field) { n.remove(field); return this; }

        /** Sets both versioncreated and the receive time. */
        public Ninjs at(Instant t) {
            at = t;
            n.put("versioncreated", t.toString());
            return this;
        }

        public Instant time() {
            return at;
        }

        public byte[] bytes() {
            return n.toString().getBytes(StandardCharsets.UTF_8);
        }

        public RawWireItem item() {
            return raw(source, "ninjs", bytes(), at);
        }
    }
}

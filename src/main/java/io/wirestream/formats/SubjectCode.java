package io.wirestream.formats;

/**
 * A subject as sent on the wire.
 *
 * @param scheme "medtop", "subj" (IPTC Subject Code), "anpa-category", "keyword", or an agency scheme
 * @param code   code without the scheme prefix
 * @param name   label where the wire gives one, else null
 */
public record SubjectCode(String scheme, String code, String name) {
}

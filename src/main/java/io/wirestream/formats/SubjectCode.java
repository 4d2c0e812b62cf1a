package io.wirestream.formats;

/**
 * A subject as sent on the wire.
 *
 * @param scheme "medtop", "subj" (IPTC Subject Code), "anpa-category", "keyword", {@link #PERSON}, or an agency scheme
 * @param code   code without the scheme prefix
 * @param name   label where the wire gives one, else null
 */
public record SubjectCode(String scheme, String code, String name) {

    /**
     * The scheme of a person the wire itself names among its subjects (NewsML-G2's {@code cpnat:person} concept, TT's
     * "Hamilton"): code and name are the person's name. The region tagger reads no place in that name.
     */
    public static final String PERSON = "person";
}

package io.wirestream.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * What blogging and publishing systems add to the HTML of a feed entry that is not the story: WordPress's
 * "The post ... appeared first on ...", a link to read on ("Continue reading →", "Read more »") after an
 * excerpt, the excerpt's "[…]", and the page furniture a site's body carries ("Related: ...", "Also read: ...",
 * "Advertisement"; {@link ScrapedPage#isFurniture}). Removed from the HTML, so the text and the markup agree.
 */
final class FeedFooters {

    private static final Pattern APPEARED_FIRST = Pattern.compile("(?iu)^the post .{1,400} appeared first on .{1,200}$");
    /**
     * A paragraph that is only the feed's note on itself: IDG's "To read this article in full, please click here", NPR's
     * "(Image credit: ...)", "[read more]", "[If the formatting looks odd in your feed reader, visit the original article]".
     */
    private static final Pattern FEED_NOTE = Pattern.compile("(?iu)^(?:to read (?:this|the) (?:full )?(?:article|story|post)(?: in full)?,?"
            + " (?:please )?click here|\\[(?:read more|continue reading|more)\\]|\\(image credit: .{1,200}\\)"
            + "|\\[if the formatting looks odd.{0,200}\\])\\.?$");
    /** A link that only asks to read on: its text. */
    private static final Pattern READ_ON = Pattern.compile(
            "(?iu)^(?:continue reading|read more|read the (?:full|rest of the) (?:story|article|post)|keep reading|read on|full story"
                    // the same in the agency languages: Spanish "Leer", "Leer más", "Seguir leyendo"; French "Lire la suite";
                    // German "Weiterlesen", "Mehr lesen"; Dutch, Italian, Portuguese, Nordic, Finnish
                    + "|leer(?: m[aá]s)?|seguir leyendo|continuar leyendo|lire la suite|lire plus|weiterlesen|mehr lesen|lees meer"
                    + "|verder lezen|leggi(?: tutto| di più)?|continua a leggere|ler mais|continuar a ler|läs mer|les mer|læs mere"
                    + "|lue lisää)\\b.{0,80}$");
    /** An excerpt's cut mark at the end of its text. */
    /** HTML longer than this is left as it is. */
    private static final int MAX_HTML = 256 * 1024;
    /** More footer blocks than this in one entry, and it is no story with footers. */
    private static final int MAX_FOOTERS = 20;
    private static final Pattern CUT_MARK = Pattern.compile("\\s*\\[(?:…|\\.\\.\\.|&hellip;)\\]\\s*$");

    private FeedFooters() {
    }

    /** The entry's HTML without footers and furniture; the same string when it has none. */
    static String strip(String html) {
        if (html == null || html.isBlank() || html.length() > MAX_HTML) {
            return html; // no entry with footers runs this long; a hostile one should not cost a second parse
        }
        Document doc = WireText.parseHtml(html);
        boolean changed = false;
        List<Element> footers = new ArrayList<>();
        for (Element block : doc.body().select("p, div, li")) {
            if (block.select("p, div, li").size() > 1) {
                continue; // holds other blocks (select counts the block itself): its innermost ones are judged
            }
            String text = WireText.collapse(block.text());
            if (!text.isEmpty() && (APPEARED_FIRST.matcher(text).matches() || FEED_NOTE.matcher(text).matches() || ScrapedPage.isFurniture(text))) {
                footers.add(block);
            }
        }
        // An entry made of many such blocks is not a story with footers (and removing each from a long list of siblings
        // costs the length of the list); nor is one that has nothing else.
        if (!footers.isEmpty() && footers.size() <= MAX_FOOTERS && hasOtherText(doc, footers)) {
            footers.forEach(Element::remove);
            changed = true;
        }
        Element lastLink = doc.body().select("a").last();
        if (lastLink != null && READ_ON.matcher(WireText.collapse(lastLink.text())).matches() && onlyBlankAfter(lastLink, doc.body())) {
            lastLink.remove();
            changed = true;
        }
        TextNode lastText = lastText(doc.body());
        if (lastText != null && CUT_MARK.matcher(lastText.getWholeText()).find()) {
            lastText.text(CUT_MARK.matcher(lastText.getWholeText()).replaceFirst(" …"));
            changed = true;
        }
        return changed ? doc.body().html() : html;
    }

    private static boolean hasOtherText(Document doc, List<Element> footers) {
        int footerText = footers.stream().mapToInt(e -> e.text().strip().length()).sum();
        return doc.body().text().replaceAll("\\s+", "").length() > footerText;
    }

    /** Whether nothing but whitespace or punctuation follows the node inside the root. */
    private static boolean onlyBlankAfter(Node node, Element root) {
        for (Node n = node; n != null && n != root; n = n.parent()) {
            for (Node s = n.nextSibling(); s != null; s = s.nextSibling()) {
                String text = s instanceof TextNode t ? t.text() : s instanceof Element e ? e.text() : "";
                if (!text.replaceAll("[\\p{Z}\\s\\p{P}]", "").isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The last text node with text, in document order. */
    private static TextNode lastText(Element root) {
        TextNode[] last = {null};
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t && !t.isBlank()) {
                last[0] = t;
            }
        }, root);
        return last[0];
    }
}

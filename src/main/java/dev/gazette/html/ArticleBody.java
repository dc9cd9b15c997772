package dev.gazette.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Chooses the block of a news page that holds the story, by its content rather than by its tag: paragraphs of
 * prose score their parent (and, less, its parent), by length and commas; a block's score falls with the share
 * of its text that is link text, and with class and id names of page furniture (share, related, comments); the
 * best block is taken with those of its siblings that read as more of the story. When the page's JSON-LD
 * gives the article's text ({@code articleBody}), the candidate whose words match it best wins. The chosen block
 * is then cleared of furniture that sat inside it.
 */
final class ArticleBody {

    private static final String ALWAYS_OUT = "script, style, noscript, template, svg, canvas, iframe, object, embed, "
            + "form, button, input, select, textarea, nav, aside, footer, dialog, [hidden], [aria-hidden=true], "
            + "[role=navigation], [role=complementary], [role=contentinfo], [role=banner], [role=dialog], "
            + "[role=alert], link, meta";
    private static final Pattern UNLIKELY = Pattern.compile("(?i)-ad-|^ad-|\\bads?\\b|advert|agegate|banner|"
            + "breadcrumb|combx|comment|community|cookie|consent|cover-wrap|disqus|extra|foot|gdpr|header|legends|"
            + "menu|modal|more-stories|most-?popular|newsletter|outbrain|pager|pagination|paywall|popup|promo|"
            + "recirc|recommend|related|remark|replies|rss|share|sharing|shoutbox|sidebar|skyscraper|social|"
            + "sponsor|subscri|taboola|teaser|tags|toolbar|trending|tweet|twitter|widget|signup|read-?next|"
            + "also-read|print|byline|author-bio|caption-credit|hidden|visually-hidden|sr-only");
    private static final Pattern LIKELY = Pattern.compile("(?i)and|article|body|column|content|main|shadow|"
            + "story|text|entry|post|prose|paragraph");
    private static final Pattern POSITIVE = Pattern.compile("(?i)article|body|content|entry|hentry|h-entry|main|"
            + "page|pagination|post|text|blog|story|prose");
    private static final Pattern NEGATIVE = Pattern.compile("(?i)-ad-|hidden|^hid$|\\bhid\\b|banner|combx|comment|"
            + "com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|"
            + "shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|newsletter|subscribe|recirc|"
            + "recommend|social|byline|caption|credit");
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dl", "div",
            "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p",
            "pre", "section", "table", "ul", "li");

    private ArticleBody() {
    }

    /**
     * The story's block, a detached copy cleared of furniture; null when no block of the page holds prose.
     *
     * @param articleBody the text JSON-LD gives for the article, or null
     */
    static Element find(Document page, String articleBody) {
        Document doc = page.clone();
        doc.select(ALWAYS_OUT).remove();
        Element body = doc.body();
        if (body == null) {
            return null;
        }
        removeUnlikely(body);
        Map<Element, Double> scores = score(body);
        if (scores.isEmpty()) {
            return null;
        }
        List<Map.Entry<Element, Double>> ranked = new ArrayList<>(scores.entrySet());
        // a short block cannot be the story however well its class name reads ("content-title")
        ranked.replaceAll(e -> Map.entry(e.getKey(), e.getValue() * (1 - linkDensity(e.getKey()))
                * Math.min(1, e.getKey().text().length() / 1000.0)));
        ranked.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        Element top = ranked.get(0).getKey();
        Element marked = body.selectFirst("[itemprop=articleBody]");
        if (marked != null && marked.text().length() >= 150 && linkDensity(marked) < 0.3
                && !isAncestor(top, marked) && marked != top
                && (marked.text().length() * 2 >= top.text().length() || ranked.get(0).getValue() < 1)) {
            // the page marks its story (schema.org microdata): a block the scores missed, such as text with no <p>
            top = marked;
            Element chosen = withSiblings(top, scores);
            clean(chosen);
            return chosen;
        }
        if (ranked.get(0).getValue() < 1) {
            return null; // no block reads as prose: the caller falls back on the page's article element
        }
        // JSON-LD text that is only a teaser (shorter than half the best block) would pick a caption
        if (articleBody != null && articleBody.length() >= 200 && articleBody.length() * 2 >= top.text().length()) {
            top = bestMatch(ranked, articleBody, top);
        } else {
            top = climb(top, scores);
            top = commonAncestorOfPeers(top, ranked);
        }
        Element chosen = withSiblings(top, scores);
        clean(chosen);
        return chosen;
    }

    private static void removeUnlikely(Element body) {
        List<Element> out = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body || e.tagName().equals("a") || e.tagName().equals("article") || e.tagName().equals("main")) {
                continue;
            }
            String names = e.className() + " " + e.id();
            if (names.isBlank()) {
                continue;
            }
            if (UNLIKELY.matcher(names).find() && !LIKELY.matcher(names).find() && !holdsMuchProse(e)) {
                out.add(e);
            }
        }
        for (Element e : out) {
            if (e.parent() != null) {
                e.remove();
            }
        }
    }

    /** Whether a block holds what reads as a story (so a misleading class name does not take it away). */
    private static boolean holdsMuchProse(Element e) {
        int long_ = 0;
        for (Element p : e.getElementsByTag("p")) {
            if (p.text().length() > 120 && ++long_ >= 3) {
                return true;
            }
        }
        return false;
    }

    /** Readability's scoring: each paragraph gives its parent its score, and its grandparent half of it. */
    private static Map<Element, Double> score(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element e : body.getAllElements()) {
            String tag = e.tagName();
            if (!tag.equals("p") && !tag.equals("pre") && !tag.equals("td") && !(tag.equals("div") && !hasBlockChild(e))) {
                continue;
            }
            String text = e.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + commas(text) + Math.min(text.length() / 100, 3);
            Element parent = e.parent();
            for (int level = 0; parent != null && level < 3; level++) {
                if (parent.tagName().equals("body") && level > 0) {
                    break;
                }
                double base = scores.computeIfAbsent(parent, ArticleBody::initialScore);
                scores.put(parent, base + score / (level == 0 ? 1 : level == 1 ? 2 : level * 3));
                parent = parent.parent();
            }
        }
        return scores;
    }

    private static boolean hasBlockChild(Element e) {
        for (Element child : e.children()) {
            if (BLOCKS.contains(child.tagName())) {
                return true;
            }
        }
        return false;
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') {
                n++;
            }
        }
        return n;
    }

    private static double initialScore(Element e) {
        double score = switch (e.tagName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + classWeight(e);
    }

    private static double classWeight(Element e) {
        double weight = 0;
        for (String name : new String[] {e.className(), e.id()}) {
            if (name.isBlank()) {
                continue;
            }
            if (NEGATIVE.matcher(name).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(name).find()) {
                weight += 25;
            }
        }
        if (e.hasAttr("itemprop") && e.attr("itemprop").contains("articleBody")) {
            weight += 50;
        }
        return weight;
    }

    static double linkDensity(Element e) {
        int length = e.text().length();
        if (length == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.getElementsByTag("a")) {
            links += a.text().length();
        }
        return Math.min(1, (double) links / length);
    }

    /**
     * Where the story's paragraphs are split among several blocks that share a parent (one per section of the
     * story), the parent holds them all: go up while the parent scores nearly as well.
     */
    private static Element climb(Element top, Map<Element, Double> scores) {
        Element current = top;
        double score = scores.getOrDefault(top, 0.0);
        while (current.parent() != null && !current.parent().tagName().equals("body")) {
            Element parent = current.parent();
            double parentScore = scores.getOrDefault(parent, 0.0) * (1 - linkDensity(parent));
            if (parentScore < score * 0.65 || parent.text().length() > current.text().length() * 3) {
                break;
            }
            current = parent;
        }
        return current;
    }

    /**
     * A story split into chunks (one block per section, each scored as well as the best): the nearest block
     * that holds the best one and every other candidate scoring at least 60% of it, unless that is mostly links.
     */
    private static Element commonAncestorOfPeers(Element top, List<Map.Entry<Element, Double>> ranked) {
        double best = ranked.get(0).getValue();
        Element common = top;
        for (int i = 1; i < Math.min(6, ranked.size()); i++) {
            Element peer = ranked.get(i).getKey();
            // a chunk like the best one (same class) counts from a quarter of its score
            double needed = !top.className().isEmpty() && peer.className().equals(top.className()) ? 0.25 : 0.6;
            if (ranked.get(i).getValue() < best * needed || isAncestor(peer, common) || isAncestor(common, peer)) {
                continue;
            }
            Element ancestor = common;
            while (ancestor != null && !isAncestor(ancestor, peer)) {
                ancestor = ancestor.parent();
            }
            if (ancestor == null || ancestor.tagName().equals("body") || linkDensity(ancestor) > 0.3) {
                return common;
            }
            common = ancestor;
        }
        return common;
    }

    private static boolean isAncestor(Element ancestor, Element of) {
        for (Element e = of.parent(); e != null; e = e.parent()) {
            if (e == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Of the best candidates and their parents, the one whose words match the JSON-LD article text best. */
    private static Element bestMatch(List<Map.Entry<Element, Double>> ranked, String articleBody, Element fallback) {
        Map<String, Integer> truth = shingles(articleBody);
        Element best = fallback;
        double bestF1 = f1(truth, shingles(fallback.text()));
        Set<Element> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < Math.min(8, ranked.size()); i++) {
            Element e = ranked.get(i).getKey();
            for (int up = 0; e != null && up < 3 && !e.tagName().equals("html"); up++, e = e.parent()) {
                if (!seen.add(e)) {
                    continue;
                }
                double f1 = f1(truth, shingles(e.text()));
                if (f1 > bestF1 + 0.01) {
                    best = e;
                    bestF1 = f1;
                }
            }
        }
        return best;
    }

    private static Map<String, Integer> shingles(String text) {
        String[] words = text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 3 < words.length; i++) {
            counts.merge(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2] + ' ' + words[i + 3], 1, Integer::sum);
        }
        return counts;
    }

    private static double f1(Map<String, Integer> truth, Map<String, Integer> found) {
        int tp = 0;
        int truthTotal = 0;
        int foundTotal = 0;
        for (int n : truth.values()) {
            truthTotal += n;
        }
        for (Map.Entry<String, Integer> e : found.entrySet()) {
            foundTotal += e.getValue();
            tp += Math.min(e.getValue(), truth.getOrDefault(e.getKey(), 0));
        }
        if (tp == 0) {
            return 0;
        }
        double precision = (double) tp / foundTotal;
        double recall = (double) tp / truthTotal;
        return 2 * precision * recall / (precision + recall);
    }

    /** The top block and those of its siblings that read as more of the story, in a new container. */
    private static Element withSiblings(Element top, Map<Element, Double> scores) {
        Element parent = top.parent();
        if (parent == null) {
            return top;
        }
        double topScore = scores.getOrDefault(top, 0.0);
        double threshold = Math.max(10, topScore * 0.2);
        Element container = new Element("div");
        for (Element sibling : new ArrayList<>(parent.children())) {
            boolean take = sibling == top;
            if (!take) {
                double score = scores.getOrDefault(sibling, 0.0) * (1 - linkDensity(sibling));
                if (score >= threshold && sameKind(top, sibling)) {
                    take = true;
                } else if (sibling.tagName().equals("p")) {
                    String text = sibling.text();
                    double density = linkDensity(sibling);
                    take = text.length() > 80 && density < 0.25
                            || text.length() > 0 && density == 0 && text.matches("(?s).*\\.( |$).*");
                }
            }
            if (take) {
                container.appendChild(sibling.clone());
            }
        }
        return container;
    }

    private static boolean sameKind(Element top, Element sibling) {
        return top.className().isEmpty() || top.className().equals(sibling.className());
    }

    /** Furniture left inside the story's block: link lists, image-less teasers, empty blocks, headline. */
    private static void clean(Element chosen) {
        chosen.select("h1").remove();
        List<Element> out = new ArrayList<>();
        for (Element e : chosen.getAllElements()) {
            if (e == chosen || e.parent() == chosen) {
                continue; // the blocks chosen as the story stay; what they hold is judged
            }
            String tag = e.tagName();
            if (tag.equals("ul") || tag.equals("ol") || tag.equals("div") || tag.equals("section") || tag.equals("table")) {
                String text = e.text();
                double density = linkDensity(e);
                int paragraphs = e.getElementsByTag("p").size();
                int images = e.getElementsByTag("img").size();
                if (density > 0.5 && paragraphs < 2
                        || classWeight(e) < 0 && paragraphs < 3 && text.length() * 5 < chosen.text().length()
                        || text.length() < 25 && images == 0 && !tag.equals("table") && e.getElementsByTag("pre").isEmpty()
                                && !(tag.equals("div") && e.children().isEmpty() && !text.isEmpty())) {
                    out.add(e);
                }
            }
        }
        Set<Element> removed = new HashSet<>();
        for (Element e : out) {
            boolean underRemoved = false;
            for (Element p = e.parent(); p != null; p = p.parent()) {
                if (removed.contains(p)) {
                    underRemoved = true;
                    break;
                }
            }
            if (!underRemoved) {
                removed.add(e);
                e.remove();
            }
        }
        // paragraphs that are only a call to share, subscribe or read more
        for (Element p : chosen.select("p")) {
            String text = p.text();
            if (text.length() < 120 && text.matches("(?i).*(read more|sign up|subscribe|newsletter|follow us|"
                    + "click here|share this|related:|advertisement).*")) {
                p.remove();
            }
        }
        for (Node node : new ArrayList<>(chosen.childNodes())) {
            if (node instanceof TextNode t && t.isBlank()) {
                node.remove();
            }
        }
    }
}

package dev.gazette.syndication;

/** Text as XML 1.0 allows it: characters it forbids (most control characters) are dropped. */
final class XmlText {

    private XmlText() {
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || Character.isSurrogate(c);
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}

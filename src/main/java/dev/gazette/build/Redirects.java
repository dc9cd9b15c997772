package dev.gazette.build;

import static dev.gazette.templates.HtmlEscaping.escapeText;

/**
 * The page written at an article's old address: it sends browsers on at once (a refresh of zero seconds, which
 * static hosts allow where they allow no server redirect), tells search engines where the article now lives
 * (canonical link, noindex), and gives readers without either a link to follow.
 */
final class Redirects {

    private Redirects() {
    }

    static String page(String target, String title, String lang) {
        String url = escapeText(target);
        String text = escapeText(title);
        return "<!DOCTYPE html>\n<html lang=\"" + escapeText(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + text + "</title>\n<link rel=\"canonical\" href=\"" + url + "\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url=" + url
                + "\">\n</head>\n<body>\n<p><a href=\"" + url + "\">" + text + "</a></p>\n</body>\n</html>\n";
    }
}

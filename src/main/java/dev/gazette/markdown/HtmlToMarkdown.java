package dev.gazette.markdown;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;

/** HTML article bodies to Markdown, for importing pages into content/. One converter, shared. */
public final class HtmlToMarkdown {

    private final FlexmarkHtmlConverter converter;

    public HtmlToMarkdown() {
        MutableDataSet options = new MutableDataSet();
        options.set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false);
        options.set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false);
        options.set(FlexmarkHtmlConverter.SKIP_CHAR_ESCAPE, false);
        this.converter = FlexmarkHtmlConverter.builder(options).build();
    }

    public String convert(String html) {
        return converter.convert(html).strip() + "\n";
    }
}

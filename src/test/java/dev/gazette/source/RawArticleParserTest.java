package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RawArticleParserTest {

    private final RawArticleParser parser = new RawArticleParser(Boilerplate.withSitePatterns(List.of()));

    @Test
    void titleRepeatedTitleSourceAndParagraphsAreToldApart() throws SourceException {
        RawArticle article = parser.parse("Title here\n\nTitle here\n\n\n\nReuters\n\nFirst.\n\nSecond.\n\n.\n\nLeave a Reply\n");
        assertThat(article.title()).isEqualTo("Title here");
        assertThat(article.source()).isEqualTo("Reuters");
        assertThat(article.paragraphs()).containsExactly("First.", "Second.");
        assertThat(article.stripped()).containsExactly(".", "Leave a Reply");
        assertThat(article.firstBodyLine()).isEqualTo(9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CNN", "Reuters", "AFP", "dpa", "EFE", "AP", "Associated Press", "The New York Times"})
    void shortNamesAreSources(String line) {
        assertThat(RawArticleParser.isSourceLine(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"It rained.", "What now?", "Five words make a sentence here", "2022", "https://example.org"})
    void sentencesAndNumbersAreNotSources(String line) {
        assertThat(RawArticleParser.isSourceLine(line)).isFalse();
    }

    @Test
    void aBodyOnlyFileKeepsItsFirstParagraphAndTakesItsFirstSentenceAsTheTitle() throws SourceException {
        String first = "The city council approved on Tuesday night a plan to extend the tram line to the port, "
                + "after a decade of studies and three public consultations. The works start in spring and should "
                + "last four years, according to the deputy mayor, who called the vote historic for the district.";
        RawArticle article = parser.parse(first + "\n\nThe second paragraph goes on.\n");
        assertThat(article.title()).isEqualTo("The city council approved on Tuesday night a plan to extend the tram"
                + " line to the port, after a…");
        assertThat(article.titleMade()).contains("reads as a paragraph");
        assertThat(article.paragraphs()).containsExactly(first, "The second paragraph goes on.");
        assertThat(article.firstBodyLine()).isEqualTo(1);
    }

    @Test
    void aPhotoCaptionAboveTheHeadlineIsNotTheTitle() throws SourceException {
        RawArticle article = parser.parse("Photo: Getty Images\n\nTram line approved\n\nThe council voted.\n");
        assertThat(article.title()).isEqualTo("Tram line approved");
        assertThat(article.titleMade()).isNull();
        assertThat(article.paragraphs()).containsExactly("The council voted.");
    }

    @Test
    void aShortFirstParagraphIsNotMistakenForASourceWhenNothingFollows() throws SourceException {
        RawArticle article = parser.parse("Title\n\nShort line\n");
        assertThat(article.source()).isNull();
        assertThat(article.paragraphs()).containsExactly("Short line");
    }

    @Test
    void notTextIsRefusedAndLegacyBytesAreRead() throws SourceException {
        assertThatThrownBy(() -> TextDecoder.decode(new byte[] {'a', 0, 'b'})).hasMessageContaining("not a text file");
        byte[] cp1252 = {'C', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x80, '5', ' ', (byte) 0x93, 'o', 'k', (byte) 0x94};
        assertThat(TextDecoder.decode(cp1252).text()).isEqualTo("Café €5 “ok”");
        assertThat(TextDecoder.decode("a\r\nb\rc".getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("a\nb\nc");
    }

    @Test
    void proseEscapingKeepsEveryCharacter() {
        assertThat(Prose.escape("1. a_b *c* <d> & [e] ~f~ -- g")).isEqualTo("1\\. a\\_b \\*c\\* \\<d\\> \\& \\[e\\] \\~f\\~ \\-- g");
        assertThat(Prose.escape("# x")).isEqualTo("\\# x");
        assertThat(Prose.escape("2021) x")).isEqualTo("2021\\) x");
    }
}

package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.problem.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawArticleBuildTest {

    private static final Path SEED = Path.of("content/world/000_39167952c1edab4e.txt").toAbsolutePath();
    private static final String SEED_PAGE = "2022/11/cia-director-bill-burns-meeting-with-russian-counterpart-monday/index.html";

    @TempDir
    Path dir;

    private TestSite site() {
        return new TestSite(dir);
    }

    @Test
    void theSeedIsPublishedAsACleanFrenchArticleWithItsEnglishTitleAndSource() throws IOException {
        TestSite site = site();
        site.bytes("content/world/000_39167952c1edab4e.txt", Files.readAllBytes(SEED));
        site.file("content/world/000_39167952c1edab4e.yaml", "date: 2022-11-14T18:30:00+01:00\n");
        site.buildOk();

        Document page = site.page(SEED_PAGE);
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
        Element h1 = page.selectFirst("h1");
        assertThat(h1.text()).isEqualTo("CIA Director Bill Burns meeting with Russian counterpart Monday");
        assertThat(h1.attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst(".byline .source").text()).isEqualTo("Source: CNN");
        assertThat(page.selectFirst("time").attr("datetime")).isEqualTo("2022-11-14T17:30:00Z");

        var paragraphs = page.select(".story-body > p");
        assertThat(paragraphs).hasSize(16);
        assertThat(paragraphs.first().text()).startsWith("Le directeur de la CIA, Bill Burns, a rencontré");
        assertThat(paragraphs.last().text()).endsWith("ont déclaré des responsables.");
        String body = page.selectFirst(".story-body").text();
        assertThat(body).doesNotContain("Leave a Reply").doesNotContain("Your email address").doesNotContain("CIA Director Bill");
        assertThat(page.select(".story-body em, .story-body strong, .story-body li, .story-body h2")).isEmpty();
        assertThat(body).contains("« Il ne discute pas").contains("“Nous avons été très ouverts");
    }

    @Test
    void encodingsAndLineEndsAllGiveTheSameText() throws IOException {
        String text = "Le café de l’Élysée\r\n\r\nAFP\r\n\r\nLe président a reçu ses ministres à l’Élysée pour un café très « spécial ».\r\n\r\nLa réunion a duré deux heures, selon l’entourage du chef de l’État.\r\n";
        TestSite site = site();
        site.bytes("content/utf8.txt", text.replace("Le café", "Utf8 café").getBytes(StandardCharsets.UTF_8));
        site.bytes("content/bom.txt", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                text.replace("Le café", "Bom café").getBytes(StandardCharsets.UTF_8)));
        site.bytes("content/utf16.txt", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                text.replace("Le café", "Utf16 café").getBytes(StandardCharsets.UTF_16LE)));
        site.bytes("content/legacy.txt", text.replace("Le café", "Legacy café").replace("\r\n", "\r")
                .getBytes(Charset.forName("windows-1252")));
        for (String name : new String[] {"utf8", "bom", "utf16", "legacy"}) {
            site.file("content/" + name + ".yaml", "date: 2022-01-01\n");
        }
        site.buildOk();

        for (String prefix : new String[] {"utf8", "bom", "utf16", "legacy"}) {
            Document page = site.page("2022/01/" + prefix + "-cafe-de-lelysee/index.html");
            assertThat(page.selectFirst("h1").text()).as(prefix).endsWith("café de l’Élysée");
            assertThat(page.selectFirst(".byline .source").text()).as(prefix).isEqualTo("Source: AFP");
            assertThat(page.select(".story-body > p").eachText()).as(prefix).containsExactly(
                    "Le président a reçu ses ministres à l’Élysée pour un café très « spécial ».",
                    "La réunion a duré deux heures, selon l’entourage du chef de l’État.");
            assertThat(page.selectFirst("html").attr("lang")).as(prefix).isEqualTo("fr");
        }
    }

    @Test
    void binaryEmptyAndTitleOnlyFilesAreProblemsNamingTheFile() {
        TestSite site = site();
        site.bytes("content/photo.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        site.file("content/title-only.txt", "Just a headline\n\nJust a headline\n");
        site.file("content/boilerplate-only.txt", "A headline\n\nLeave a Reply\n\nCancel reply\n");
        site.file("content/empty.txt", "\n\n  \n");
        BuildResult result = site.build();

        // each file is left out with its error named, and the rest of the site is published (not --strict)
        assertThat(result.succeeded()).isTrue();
        assertThat(result.skipped()).isEqualTo(4);
        String problems = TestSite.describe(result.problems());
        assertThat(problems).contains("photo.txt: error, file skipped: not a text file");
        assertThat(problems).contains("title-only.txt: error, file skipped: no article text after the title 'Just a headline'");
        assertThat(problems).contains("boilerplate-only.txt: error, file skipped: nothing but site boilerplate");
        assertThat(problems).contains("empty.txt: error, file skipped: the file is empty");
        assertThat(result.problems()).filteredOn(p -> p.severity() == Problem.Severity.SKIPPED).hasSize(4);
    }

    @Test
    void boilerplateIsStrippedFromTheEndInSeveralLanguagesButNeverFromTheMiddle() {
        TestSite site = site();
        site.file("content/2022-02-01-fr.txt", """
                Grève à la SNCF

                Le trafic sera très perturbé mardi, selon la direction.

                Partager :

                Les syndicats appellent à poursuivre le mouvement.

                Partager :

                J’aime ceci :

                Chargement…

                Laisser un commentaire

                Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *
                """);
        site.file("content/2022-02-02-de.txt", """
                Streik bei der Bahn

                dpa

                Der Verkehr wird am Dienstag stark beeinträchtigt sein.

                Schreibe einen Kommentar

                Antworten abbrechen

                Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert
                """);
        site.file("content/2022-02-03-es.txt", """
                Huelga en Renfe

                EFE

                El tráfico se verá muy afectado el martes, según la empresa.

                Compartir esto:

                Twitter

                Facebook

                Me gusta:

                Cargando...

                Relacionado

                Deja una respuesta
                """);
        site.file("content/2022-02-04-en.txt", """
                Rail strike ends

                Reuters

                Trains ran normally on Wednesday.

                Share this:

                Like this:

                Like Loading...

                —
                """);
        site.buildOk();

        assertThat(site.page("2022/02/greve-a-la-sncf/index.html").select(".story-body > p").eachText()).containsExactly(
                "Le trafic sera très perturbé mardi, selon la direction.", "Partager :",
                "Les syndicats appellent à poursuivre le mouvement.");
        assertThat(site.page("2022/02/streik-bei-der-bahn/index.html").select(".story-body > p").eachText())
                .containsExactly("Der Verkehr wird am Dienstag stark beeinträchtigt sein.");
        assertThat(site.page("2022/02/huelga-en-renfe/index.html").select(".story-body > p").eachText())
                .containsExactly("El tráfico se verá muy afectado el martes, según la empresa.");
        assertThat(site.page("2022/02/rail-strike-ends/index.html").select(".story-body > p").eachText())
                .containsExactly("Trains ran normally on Wednesday.");
        assertThat(site.page("2022/02/streik-bei-der-bahn/index.html").selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(site.page("2022/02/huelga-en-renfe/index.html").selectFirst("html").attr("lang")).isEqualTo("es");
    }

    @Test
    void siteBoilerplatePatternsAreAddedToTheBuiltInOnes() {
        TestSite site = site().file("site.yaml", "boilerplate: ['Read the full story at .*']\n");
        site.file("content/2022-03-01-x.txt", "Headline here\n\nFirst paragraph.\n\nRead the full story at example.org\n");
        site.buildOk();
        assertThat(site.page("2022/03/headline-here/index.html").select(".story-body > p").eachText())
                .containsExactly("First paragraph.");
    }

    @Test
    void markdownLookingProseStaysProse() {
        String[] lines = {
                "1. This line only happens to start like a list.",
                "# Neither is this a heading.",
                "- Nor is this a bullet, and + neither is this.",
                "> Nor a quote.",
                "Variables like snake_case_name and __init__ keep their underscores, fields are marked *",
                "Some *stars* and **more** and `ticks` and [brackets](not-a-link) stay.",
                "Tags like <b>bold</b> & entities like &amp; are text.",
                "---",
                "    Indented text is not code.",
        };
        TestSite site = site();
        site.file("content/2022-03-02-prose.txt", "Prose stays prose\n\nReuters\n\n" + String.join("\n\n", lines) + "\n");
        site.buildOk();

        Document page = site.page("2022/03/prose-stays-prose/index.html");
        Element body = page.selectFirst(".story-body");
        assertThat(body.select("ol, ul, li, h2, h3, blockquote, em, strong, code, a, b, hr, pre")).isEmpty();
        assertThat(body.select("> p").eachText()).containsExactly(
                "1. This line only happens to start like a list.",
                "# Neither is this a heading.",
                "- Nor is this a bullet, and + neither is this.",
                "> Nor a quote.",
                "Variables like snake_case_name and __init__ keep their underscores, fields are marked *",
                "Some *stars* and **more** and `ticks` and [brackets](not-a-link) stay.",
                "Tags like <b>bold</b> & entities like &amp; are text.",
                "---",
                "Indented text is not code.");
    }

    @Test
    void metadataBesideTheFileOverridesWhatWasExtracted() {
        TestSite site = site();
        site.file("content/burns.txt", "Burns in Ankara\n\nCNN\n\nThe CIA director met his Russian counterpart in Ankara on Monday.\n");
        site.file("content/burns.yaml", """
                date: 2022-11-14
                authors: [Natasha Bertrand]
                tags: [Russia]
                source: CNN Wire
                canonical_url: https://edition.example.com/2022/11/14/burns
                """);
        site.buildOk();
        Document page = site.page("2022/11/burns-in-ankara/index.html");
        assertThat(page.selectFirst(".byline .authors").text()).isEqualTo("By Natasha Bertrand");
        assertThat(page.selectFirst(".byline .source").text()).isEqualTo("Source: CNN Wire");
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://edition.example.com/2022/11/14/burns");
        assertThat(page.select("a[rel=tag]").eachText()).containsExactly("Russia");
    }

    @Test
    void aBylineAfterTheTitleGivesTheAuthors() {
        TestSite site = site();
        site.file("content/2022-03-03-byline.txt", "Harbour reopens\n\nBy Jane Doe and John Roe\n\nAP\n\nThe harbour reopened on Thursday after a week of repairs.\n");
        site.buildOk();
        Document page = site.page("2022/03/harbour-reopens/index.html");
        assertThat(page.selectFirst(".byline .authors").text()).isEqualTo("By Jane Doe and John Roe");
        assertThat(page.selectFirst(".byline .source").text()).isEqualTo("Source: AP");
    }

    @Test
    void withoutAnyDateTheFileTimeIsUsedWithAWarning() throws IOException {
        TestSite site = site();
        site.file("content/undated.txt", "Undated story\n\nThe text of an undated story that arrived by wire.\n");
        Files.setLastModifiedTime(dir.resolve("content/undated.txt"), FileTime.from(Instant.parse("2021-06-15T12:00:00Z")));
        BuildResult result = site.buildOk();
        assertThat(site.exists("2021/06/undated-story/index.html")).isTrue();
        assertThat(TestSite.describe(result.problems())).contains("undated.txt: warning: no date in the file name");
    }

    private static byte[] concat(byte[] a, byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(a);
        out.write(b);
        return out.toByteArray();
    }

    @Test
    void aBodyOnlyFileIsPublishedUnderItsFirstSentenceWithAWarning() {
        TestSite site = site();
        site.file("content/2022-11-20-wire.txt", "Photo: AFP PHOTO / Jane Roe\n\nThe summit closed on Sunday with an "
                + "agreement on a fund for loss and damage, after two weeks of talks that ran a day and a half over "
                + "time. Delegates from poorer countries called it a first step.\n\nThe fund's details are left to "
                + "a committee that meets next year.\n");
        BuildResult result = site.build();
        assertThat(result.succeeded()).as(TestSite.describe(result.problems())).isTrue();
        assertThat(TestSite.describe(result.problems())).contains("2022-11-20-wire.txt:1: warning: no headline line");
        String slug;
        try (var folders = java.nio.file.Files.list(site.output().resolve("2022/11"))) {
            slug = folders.map(f -> f.getFileName().toString()).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(slug).startsWith("the-summit-closed-on-sunday");
        var page = site.page("2022/11/" + slug + "/index.html");
        assertThat(page.select("h1").text()).isEqualTo("The summit closed on Sunday with an agreement on a fund for loss "
                + "and damage, after two weeks of…");
        assertThat(page.select("article").text()).contains("The summit closed on Sunday").doesNotContain("AFP PHOTO");
    }
}

package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.build.BuildResult;
import dev.gazette.build.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    private static final Path SEED = Path.of("content/world/000_39167952c1edab4e.txt").toAbsolutePath();
    private static final String SEED_PAGE = "2022/11/cia-director-bill-burns-meeting-with-russian-counterpart-monday/index.html";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void importingARawArticleThenBuildingGivesTheSamePageAsBuildingTheRawFile() throws IOException {
        TestSite raw = new TestSite(dir.resolve("raw"));
        raw.bytes("content/000_39167952c1edab4e.txt", Files.readAllBytes(SEED));
        raw.file("content/000_39167952c1edab4e.yaml", "date: 2022-11-14T18:30:00+01:00\nauthors: [Natasha Bertrand]\n");
        raw.buildOk();

        TestSite imported = new TestSite(dir.resolve("imported"));
        Files.createDirectories(imported.root());
        int code = run("import", raw.root().resolve("content/000_39167952c1edab4e.txt").toString(),
                "--to", imported.root().resolve("content/world").toString());
        assertThat(code).as(err.toString()).isZero();
        Path markdown = imported.root().resolve("content/world/2022-11-14-cia-director-bill-burns-meeting-with-russian-counterpart-monday.md");
        assertThat(out.toString()).contains("wrote " + markdown);
        String text = Files.readString(markdown);
        assertThat(text).startsWith("---\ntitle: CIA Director Bill Burns meeting with Russian counterpart Monday\n")
                .contains("\nsource: CNN\n").contains("\nlang: fr\n").contains("\nslug: cia-director-bill-burns-meeting-with-russian-counterpart-monday\n")
                .contains("Natasha Bertrand").doesNotContain("Leave a Reply");
        imported.buildOk();

        assertThat(imported.read(SEED_PAGE)).isEqualTo(raw.read(SEED_PAGE));
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // stops a hang; no speed target
    void aPageNestedTenThousandLevelsDeepImportsWithoutOverflowingTheStack() throws IOException {
        Path html = dir.resolve("deep.html");
        String story = "<article><h1>Ten thousand folders down</h1><time datetime=\"2022-05-01\">1 May</time>"
                + "<p>The council approved the budget after a long session, as the minutes show.</p>".repeat(12)
                + "</article>";
        Files.writeString(html, "<html><head><title>Deep</title></head><body>" + "<div><blockquote><ul><li>".repeat(2_500)
                + story + "</li></ul></blockquote></div>".repeat(2_500) + "</body></html>");
        Path to = dir.resolve("content");
        int code = run("import", html.toString(), "--to", to.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("internal error");
        String text = Files.readString(to.resolve("2022-05-01-ten-thousand-folders-down.md"));
        assertThat(text).contains("title: Ten thousand folders down").contains("The council approved the budget");
    }

    @Test
    void importNeverOverwritesWithoutForce() throws IOException {
        Path txt = dir.resolve("2022-05-01-story.txt");
        Files.writeString(txt, "A story\n\nReuters\n\nIt happened on Sunday.\n");
        Path to = dir.resolve("content");
        assertThat(run("import", txt.toString(), "--to", to.toString())).isZero();
        Path written = to.resolve("2022-05-01-a-story.md");
        Files.writeString(written, "edited by hand");

        assertThat(run("import", txt.toString(), "--to", to.toString())).isEqualTo(ExitCodes.CONTENT);
        assertThat(err.toString()).contains("already exists; use --force");
        assertThat(Files.readString(written)).isEqualTo("edited by hand");

        assertThat(run("import", txt.toString(), "--to", to.toString(), "--force")).isZero();
        assertThat(Files.readString(written)).contains("title: A story").contains("date: '2022-05-01'".replace("'", ""));
    }

    @Test
    void aSavedArticlePageImportsWithItsMetadataAndBody() throws IOException {
        Path html = dir.resolve("page.html");
        Files.writeString(html, """
                <!DOCTYPE html>
                <html lang="de">
                <head>
                  <title>Bahnstreik beendet | Beispiel-Zeitung</title>
                  <meta property="og:title" content="Bahnstreik beendet: Züge rollen wieder">
                  <meta property="og:site_name" content="Beispiel-Zeitung">
                  <meta property="og:image" content="https://zeitung.example.de/img/zug.jpg">
                  <meta name="description" content="Nach drei Tagen endet der Streik.">
                  <link rel="canonical" href="https://zeitung.example.de/2023/03/bahnstreik-beendet">
                  <script type="application/ld+json">
                  {"@context": "https://schema.org", "@graph": [
                    {"@type": "WebSite", "name": "Beispiel-Zeitung"},
                    {"@type": "NewsArticle", "headline": "Bahnstreik beendet: Züge rollen wieder",
                     "datePublished": "2023-03-02T07:15:00+01:00", "dateModified": "2023-03-02T09:00:00+01:00",
                     "author": [{"@type": "Person", "name": "Jonas Keller"}, {"@type": "Person", "name": "Mia Braun"}],
                     "publisher": {"@type": "Organization", "name": "Beispiel-Zeitung"}}
                  ]}
                  </script>
                </head>
                <body>
                  <nav><a href="/">Start</a></nav>
                  <article>
                    <header><h1>Bahnstreik beendet</h1><p class="byline">Von Jonas Keller</p></header>
                    <p>Nach drei Tagen Stillstand fahren die Züge seit Donnerstagmorgen <strong>wieder nach Plan</strong>.</p>
                    <h2>Was Reisende wissen müssen</h2>
                    <p>Tickets bleiben bis Sonntag gültig, teilte die Bahn mit.</p>
                    <div class="share">Teilen: Facebook Twitter</div>
                    <script>track()</script>
                  </article>
                  <footer>© Beispiel-Zeitung</footer>
                </body>
                </html>
                """);
        TestSite site = new TestSite(dir.resolve("site"));
        int code = run("import", html.toString(), "--to", site.root().resolve("content").toString());
        assertThat(code).as(err.toString()).isZero();
        Path markdown = site.root().resolve("content/2023-03-02-bahnstreik-beendet-zuge-rollen-wieder.md");
        String text = Files.readString(markdown);
        assertThat(text).contains("lang: de").contains("source: Beispiel-Zeitung")
                .contains("canonical_url: https://zeitung.example.de/2023/03/bahnstreik-beendet")
                .contains("- Jonas Keller").contains("- Mia Braun")
                .doesNotContain("Teilen").doesNotContain("track()").doesNotContain("Start");

        BuildResult result = site.buildOk();
        assertThat(result.articles()).isEqualTo(1);
        Document page = site.page("2023/03/bahnstreik-beendet-zuge-rollen-wieder/index.html");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Bahnstreik beendet: Züge rollen wieder");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(page.selectFirst(".byline .authors").text()).isEqualTo("Von Jonas Keller und Mia Braun");
        assertThat(page.selectFirst(".story-body strong").text()).isEqualTo("wieder nach Plan");
        assertThat(page.select(".story-body h2").eachText()).containsExactly("Was Reisende wissen müssen");
        assertThat(page.selectFirst(".standfirst").text()).isEqualTo("Nach drei Tagen endet der Streik.");
        assertThat(page.selectFirst(".updated time").attr("datetime")).isEqualTo("2023-03-02T08:00:00Z");
    }
}

package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front page laid out as a newspaper's, cards with pictures, and the resized copies their srcset lists. */
class FrontPageTest {

    @TempDir
    Path dir;

    /** Twelve stories in three sections, one a day; the newest two have a photo. */
    private TestSite newsroom() {
        TestSite site = new TestSite(dir).file("site.yaml", "title: Ledger\npagination: 8\n"
                + "taxonomies: [tags, categories, authors]\n");
        site.bytes("static/images/stadium.jpg", photo(1600, 1000));
        site.bytes("static/images/small.png", photo(400, 300));
        String[] sections = {"World", "Economy", "Sport"};
        for (int i = 1; i <= 12; i++) {
            String image = i == 12 ? "\nimage: /images/stadium.jpg\nimage_alt: A stadium at night"
                    : i == 11 ? "\nimage: /images/small.png" : "";
            site.article("s" + i + ".md", "title: Story " + i + "\ndate: 2022-03-" + String.format("%02d", i)
                    + "\ncategories: [" + sections[i % 3] + "]" + image, "Text of story " + i + ".");
        }
        return site;
    }

    @Test
    void theFirstPageHasALeadASecondTierSectionBlocksAndTheRestWithNoStoryTwice() {
        TestSite site = newsroom();
        site.buildOk();
        Document home = site.page("index.html");
        Element lead = home.selectFirst(".lead-story article.card.lead");
        assertThat(lead.select(".card-title").text()).isEqualTo("Story 12");
        Element leadImage = lead.selectFirst(".card-image img");
        assertThat(leadImage.attr("width")).isEqualTo("1600");
        assertThat(leadImage.attr("height")).isEqualTo("1000");
        assertThat(leadImage.hasAttr("loading")).as("the lead's picture is above the fold").isFalse();
        assertThat(home.select(".top-stories .card-title").eachText())
                .containsExactly("Story 11", "Story 10", "Story 9", "Story 8");
        assertThat(home.select(".top-stories .card.has-image .card-title").eachText()).containsExactly("Story 11");
        assertThat(home.select(".section-block .section-title").eachText()).containsExactly("Economy", "Sport", "World");
        assertThat(home.select(".section-block .section-title a").eachAttr("href"))
                .containsExactly("/categories/economy/", "/categories/sport/", "/categories/world/");
        // a block holds its section's newest stories not shown above: the first with its teaser, the rest headlines
        Element world = home.select(".section-block").get(2);
        assertThat(world.select(".card-title").eachText()).containsExactly("Story 6", "Story 3");
        assertThat(world.select(".card.compact .summary")).isEmpty();
        List<String> all = home.select("article.card .card-title").eachText();
        assertThat(new HashSet<>(all)).as("no story twice").hasSameSizeAs(all);
        // outline: h1, the lead's and second tier's h2, each block's h2 over its stories' h3
        assertThat(home.select(".section-block h3")).hasSize(home.select(".section-block article.card").size());
        assertThat(home.select(".top-stories h2")).hasSize(4);
        // later pages are a plain list
        Document second = site.page("page/2/index.html");
        assertThat(second.select(".section-block, .top-stories, .lead-story")).isEmpty();
        assertThat(second.select(".card-title").eachText()).containsExactly("Story 4", "Story 3", "Story 2", "Story 1");
    }

    @Test
    void aSiteWithoutSectionsGetsNoBlocksAndEveryPageOfCardsShowsPictures() {
        TestSite site = newsroom().file("site.yaml", "title: Ledger\npagination: 8\ntaxonomies: [tags]\n");
        site.article("t.md", "title: Tagged\ndate: 2022-02-01\ntags: [Energy]\nimage: /images/stadium.jpg", "Text.");
        site.buildOk();
        assertThat(site.page("index.html").select(".section-block")).isEmpty();
        Document tag = site.page("tags/energy/index.html");
        Element img = tag.selectFirst("article.card .card-image img");
        assertThat(img.attr("srcset")).contains("/images/stadium-480w.jpg 480w");
        assertThat(img.attr("sizes")).isNotBlank();
        assertThat(img.attr("loading")).isEqualTo("lazy");
        // the term page's header: its name, how many articles, its feed
        assertThat(tag.select(".river-meta").text()).startsWith("1 article");
        assertThat(tag.select(".river-meta a.feed-link").attr("href")).isEqualTo("/tags/energy/feed.xml");
    }

    @Test
    void everyWidthASrcsetListsIsAFileOfThatWidthAndARebuildTakesThemFromTheCache() throws IOException {
        TestSite site = newsroom();
        site.article("body.md", "title: Body picture\ndate: 2022-01-01", "Text.\n\n![Chart](/images/stadium.jpg)");
        site.buildOk();
        Set<String> checked = new HashSet<>();
        for (String page : List.of("index.html", "2022/03/story-12/index.html", "2022/01/body-picture/index.html")) {
            for (Element img : site.page(page).select("img[srcset]")) {
                for (String candidate : img.attr("srcset").split(",\\s*")) {
                    String[] parts = candidate.split(" ");
                    int width = Integer.parseInt(parts[1].replace("w", ""));
                    BufferedImage copy = ImageIO.read(site.output().resolve(parts[0].substring(1)).toFile());
                    assertThat(copy.getWidth()).as(parts[0]).isEqualTo(width);
                    checked.add(parts[0]);
                }
            }
        }
        assertThat(checked).containsExactlyInAnyOrder("/images/stadium-480w.jpg", "/images/stadium-800w.jpg",
                "/images/stadium-1200w.jpg", "/images/stadium.jpg");
        BufferedImage small = ImageIO.read(site.output().resolve("images/stadium-480w.jpg").toFile());
        assertThat(small.getHeight()).isEqualTo(300);
        assertThat(site.exists("images/small-480w.png")).as("no copy wider than the original").isFalse();
        assertThat(site.page("index.html").select("img[src=/images/small.png]").attr("srcset")).isEmpty();
        assertThat(site.page("2022/01/body-picture/index.html").select(".story-body img").attr("sizes"))
                .isEqualTo("(min-width: 42rem) 40rem, 100vw");

        // a rebuild copies from the cache: the cached copies are not written again
        Path cache = BuildCache.dir(site.output()).resolve("images");
        List<Path> cached = new ArrayList<>();
        try (var files = Files.list(cache)) {
            files.forEach(cached::add);
        }
        assertThat(cached).hasSize(3);
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        for (Path file : cached) {
            Files.setLastModifiedTime(file, old);
        }
        Files.delete(site.output().resolve("images/stadium-800w.jpg"));
        site.article("s1.md", "title: Story 1, edited\ndate: 2022-03-01", "New text.");
        site.buildOk();
        assertThat(site.exists("images/stadium-800w.jpg")).isTrue();
        for (Path file : cached) {
            assertThat(Files.getLastModifiedTime(file)).as(file.toString()).isEqualTo(old);
        }

        // a replaced image is resized again, and the old copies leave the cache
        site.bytes("static/images/stadium.jpg", photo(1000, 500));
        site.buildOk();
        assertThat(ImageIO.read(site.output().resolve("images/stadium-800w.jpg").toFile()).getHeight()).isEqualTo(400);
        assertThat(site.exists("images/stadium-1200w.jpg")).isFalse();
        try (var files = Files.list(cache)) {
            assertThat(files.count()).isEqualTo(2);
        }
    }

    @Test
    void aStaticFileAtACopysNameIsTheSitesOwnAndStays() throws IOException {
        TestSite site = newsroom();
        byte[] own = photo(480, 300);
        site.bytes("static/images/stadium-480w.jpg", own);
        site.buildOk();
        assertThat(Files.readAllBytes(site.output().resolve("images/stadium-480w.jpg"))).isEqualTo(own);
        assertThat(ImageIO.read(new ByteArrayInputStream(own)).getWidth()).isEqualTo(480);
    }

    /** A photo-like picture (a gradient and a disc), as a JPEG or PNG by the name it will get. */
    private static byte[] photo(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 30, 70), 0, height, new Color(230, 120, 60)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(255, 230, 160));
        g.fillOval(width / 2, height / 3, width / 6, width / 6);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, width == 400 ? "png" : "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.resident.ParsedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Incremental builds (with the cache beside the output) give exactly what a clean build gives. */
class IncrementalBuildTest {

    private static final String[] TAGS = {"energy", "Ukraine", "elections", "football", "climate", "économie"};
    private static final String[] CATEGORIES = {"world", "economy", "sport", "culture"};
    private static final String[] WORDS = ("the minister said on monday that talks would resume after a week of "
            + "strikes and protests across the country while markets rose").split(" ");

    @TempDir
    Path dir;

    /** Tests that run as a build server would (what it read kept between builds) leave the default behind. */
    @AfterEach
    void keepNothing() {
        ParsedFiles.keepBetweenBuilds(false);
    }

    /**
     * Every kind of edit a newsroom makes, in random order, each build compared with a clean one: body and front
     * matter edits move articles between term pages, pager pages, archive years, the lead story and feeds, which
     * list pages and feeds decide on digests of what they show.
     */
    @ParameterizedTest
    @ValueSource(longs = {20221114, 7, 42})
    void randomEditsGiveTheSameBytesAsACleanBuild(long seed) throws Exception {
        randomEdits(seed);
    }

    /**
     * The same in a process that keeps what each build read for the next one, as the build server does (cache
     * files as parsed, articles as read): each build is still compared with a clean build that keeps nothing.
     */
    @ParameterizedTest
    @ValueSource(longs = {20221114, 5})
    void randomEditsInAResidentProcessGiveTheSameBytesAsACleanBuild(long seed) throws Exception {
        ParsedFiles.keepBetweenBuilds(true);
        randomEdits(seed);
    }

    private void randomEdits(long seed) throws Exception {
        TestSite site = new TestSite(dir.resolve("site"));
        Random random = new Random(seed);
        site.file("site.yaml", "title: Desk\npagination: 3\n");
        List<String> articles = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            articles.add(addArticle(site, random, i));
        }
        assertSameAsClean(site, "initial");

        for (int round = 0; round < 24; round++) {
            int edit = random.nextInt(14);
            String description;
            switch (edit) {
                case 0 -> {
                    articles.add(addArticle(site, random, 100 + round));
                    description = "add";
                }
                case 1 -> {
                    String path = articles.get(random.nextInt(articles.size()));
                    String text = Files.readString(site.root().resolve(path));
                    site.file(path, text + "\nA new paragraph: " + sentence(random) + "\n");
                    age(site, path);
                    description = "change body of " + path;
                }
                case 2 -> {
                    String path = articles.get(random.nextInt(articles.size()));
                    String text = Files.readString(site.root().resolve(path));
                    site.file(path, text.replaceFirst("title: .*", "title: Retitled " + round));
                    age(site, path);
                    description = "retitle " + path;
                }
                case 3 -> {
                    String path = articles.remove(random.nextInt(articles.size()));
                    Files.delete(site.root().resolve(path));
                    description = "delete " + path;
                }
                case 4 -> {
                    String path = articles.remove(random.nextInt(articles.size()));
                    String renamed = path.replace(".md", "-moved.md").replace("content/", "content/moved/");
                    Files.createDirectories(site.root().resolve(renamed).getParent());
                    Files.move(site.root().resolve(path), site.root().resolve(renamed));
                    articles.add(renamed);
                    description = "rename " + path;
                }
                case 5 -> {
                    site.file("templates/partials/footer.html", "<footer class=\"colophon\"><p>Edition " + round
                            + " of {{ site.title }}</p></footer>\n");
                    description = "change a template";
                }
                case 6 -> {
                    // UI strings reach pages through the templates' t() as well as through the views
                    site.file("i18n/en.yaml", "tags: \"Topics " + round + "\"\nlatest: \"Newest " + round + "\"\n");
                    description = "change UI strings";
                }
                case 7 -> {
                    site.file("data/authors.yaml", "Author 1:\n  bio: \"Covers the desk, edition " + round + ".\"\n");
                    description = "change author profiles";
                }
                case 8 -> {
                    site.file("site.yaml", "title: Desk " + round + "\npagination: " + (2 + random.nextInt(3)) + "\n");
                    description = "change site.yaml";
                }
                case 9 -> {
                    String path = articles.get(random.nextInt(articles.size()));
                    editField(site, path, "tags: .*", "tags: [" + TAGS[random.nextInt(TAGS.length)] + "]");
                    description = "retag " + path;
                }
                case 10 -> {
                    String path = articles.get(random.nextInt(articles.size()));
                    editField(site, path, "date: .*", "date: " + (2021 + random.nextInt(3)) + "-0"
                            + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
                    description = "redate " + path;
                }
                case 11 -> {
                    String path = articles.get(random.nextInt(articles.size()));
                    dropFields(site, path, "breaking", "featured");
                    editField(site, path, "author: .*", "author: Author " + random.nextInt(4)
                            + (random.nextBoolean() ? "\nbreaking: true" : "\nfeatured: true"));
                    description = "reauthor and flag " + path;
                }
                case 12 -> {
                    String path = articles.get(random.nextInt(articles.size()));
                    editField(site, path, "category: .*", "category: " + CATEGORIES[random.nextInt(CATEGORIES.length)]);
                    description = "move to another section " + path;
                }
                default -> {
                    String path = articles.get(random.nextInt(articles.size()));
                    dropFields(site, path, "summary");
                    editField(site, path, "title: .*", "title: Corrected headline " + round + "\nsummary: A standfirst, "
                            + "round " + round);
                    description = "fix a headline and standfirst of " + path;
                }
            }
            assertSameAsClean(site, "round " + round + ": " + description);
        }
    }

    /**
     * A resident process knows the output as its last build left it while none of its folders has changed: files
     * removed, added or replaced by a folder by hand are still seen, as a build in a fresh process sees them.
     */
    @Test
    void aResidentProcessSeesOutputFilesChangedByHand() throws Exception {
        ParsedFiles.keepBetweenBuilds(true);
        TestSite site = new TestSite(dir.resolve("site"));
        for (int i = 1; i <= 3; i++) {
            site.article("a" + i + ".md", "title: Story " + i + "\ndate: 2022-03-0" + i + "\ntags: [t" + i + "]",
                    "Body of story " + i + ".");
        }
        site.buildOk();
        Files.delete(site.output().resolve("2022/03/story-1/index.html"));
        Files.writeString(site.output().resolve("2022/03/stray.html"), "left by hand");
        Files.delete(site.output().resolve("tags/t2/feed.xml"));
        Files.createDirectories(site.output().resolve("tags/t2/feed.xml"));
        site.buildOk();
        assertThat(site.page("2022/03/story-1/index.html").select("h1").text()).isEqualTo("Story 1");
        assertThat(site.output().resolve("2022/03/stray.html")).doesNotExist();
        assertThat(site.output().resolve("tags/t2/feed.xml")).isRegularFile();
        assertSameAsClean(site, "after changes by hand");
    }


    /** A site of stories a1.md, a2.md, … dated in March 2022 and tagged t0 or t1, with these bodies. */
    private TestSite stories(int count, java.util.function.IntFunction<String> body) {
        TestSite site = new TestSite(dir.resolve("site"));
        for (int i = 1; i <= count; i++) {
            site.article("a" + i + ".md", "title: Story " + i + "\ndate: 2022-03-0" + i + "\ntags: [t" + (i % 2) + "]",
                    body.apply(i));
        }
        return site;
    }

    /** Every file and folder under a folder with its size and time. */
    private static Map<String, String> everything(Path root) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                all.put(root.relativize(path).toString(), Files.size(path) + " " + Files.getLastModifiedTime(path));
            }
        }
        return all;
    }

    @Test
    void anUnchangedRebuildTouchesNoFileAndAnEditTouchesOnlyWhatShowsIt() throws IOException {
        TestSite site = stories(6, i -> "Body of story " + i + ".");
        site.file("site.yaml", "pagination: 50\n");
        site.buildOk();
        Map<String, FileTime> before = times(site.output());
        Instant old = Instant.parse("2020-01-01T00:00:00Z");
        for (String path : before.keySet()) {
            Files.setLastModifiedTime(site.output().resolve(path), FileTime.from(old));
        }

        BuildResult same = site.buildOk();
        assertThat(same.changed()).isZero();
        assertThat(times(site.output()).values()).allMatch(t -> t.toInstant().equals(old));

        site.article("a3.md", "title: Story 3\ndate: 2022-03-03\ntags: [t1]", "A corrected body of story 3.");
        BuildResult edited = site.buildOk();
        Map<String, FileTime> after = times(site.output());
        List<String> touched = after.entrySet().stream().filter(e -> !e.getValue().toInstant().equals(old))
                .map(Map.Entry::getKey).sorted().toList();
        // the article, the lists whose cards show its summary (the front page, its tag, the year archive), the
        // feeds that carry it and the search index
        assertThat(touched).containsExactly("2022/03/story-3/index.html", "2022/index.html", "atom.xml", "feed.json",
                "feed.xml", "index.html", "search-index.json", "tags/t1/feed.xml", "tags/t1/index.html");
        assertThat(edited.changed()).isEqualTo(9);
    }

    @Test
    void unchangedFilesAreNotReadAgainButEveryChangeIsSeen() throws Exception {
        TestSite site = new TestSite(dir.resolve("site"));
        site.file("content/a.md", "---\ntitle: First title\ndate: 2022-01-01\n---\n\nFirst body.\n");
        site.file("content/wire.txt", "Talks resume\n\nThe talks resumed on Monday in Geneva after a week of strikes.\n");
        site.file("content/wire.yaml", "date: 2022-01-02\nsource: Reuters\n");
        for (String path : List.of("content/a.md", "content/wire.txt", "content/wire.yaml")) {
            age(site, path);
        }
        site.buildOk();
        assertThat(dir.resolve("site/.public.gazette-cache/sources.bin")).isRegularFile();

        // A file read from the cache would keep its old title: a same-size edit with a new time is seen.
        site.file("content/a.md", "---\ntitle: Other title\ndate: 2022-01-01\n---\n\nFirst body.\n");
        age(site, "content/a.md");
        // The metadata beside a raw article is part of its key.
        site.file("content/wire.yaml", "date: 2022-01-02\nsource: AFP\n");
        age(site, "content/wire.yaml");
        site.buildOk();
        assertThat(site.page("2022/01/other-title/index.html").selectFirst("h1").text()).isEqualTo("Other title");
        assertThat(site.page("2022/01/talks-resume/index.html").text()).contains("AFP").doesNotContain("Reuters");

        // An edit in the same clock tick as the build that read the file, same size and time restored: the
        // file was too fresh to be cached, so the change is still seen.
        site.file("content/b.md", "---\ntitle: Fresh one\ndate: 2022-01-03\n---\n\nFresh body.\n");
        FileTime fresh = Files.getLastModifiedTime(site.root().resolve("content/b.md"));
        site.buildOk();
        site.file("content/b.md", "---\ntitle: Fresh two\ndate: 2022-01-03\n---\n\nFresh body.\n");
        Files.setLastModifiedTime(site.root().resolve("content/b.md"), fresh);
        site.buildOk();
        assertThat(site.page("2022/01/fresh-two/index.html").selectFirst("h1").text()).isEqualTo("Fresh two");

        // What the cache trusts, as make and rsync do: an old file whose size and time are put back is taken
        // from the cache (so it was not read again); --clean reads it.
        FileTime old = Files.getLastModifiedTime(site.root().resolve("content/a.md"));
        site.file("content/a.md", "---\ntitle: Third title\ndate: 2022-01-01\n---\n\nFirst body.\n");
        Files.setLastModifiedTime(site.root().resolve("content/a.md"), old);
        site.buildOk();
        assertThat(site.root().resolve("public/2022/01/other-title/index.html")).isRegularFile();
        BuildResult clean = new SiteBuilder("test").build(
                new BuildRequest(site.root(), site.output(), false, false, null, 2, TestSite.NOW, true));
        assertThat(clean.succeeded()).isTrue();
        assertThat(site.page("2022/01/third-title/index.html").selectFirst("h1").text()).isEqualTo("Third title");
    }

    @Test
    void pagesKeptOnTheirDigestsFollowWhatOtherArticlesChange() throws Exception {
        TestSite site = new TestSite(dir.resolve("site"));
        site.file("site.yaml", "title: Desk\npagination: 4\n");
        site.file("content/a.md", "---\ntitle: Alpha\ndate: 2022-01-01\ntags: [port, energy]\ntranslation_key: alpha\n---\n\nAlpha.\n");
        site.file("content/b.md", "---\ntitle: Bravo\ndate: 2022-01-02\ntags: [port]\n---\n\nBravo.\n");
        site.file("content/c.md", "---\ntitle: Charlie\ndate: 2022-01-03\ntags: [rail]\n---\n\nCharlie.\n");
        for (String path : List.of("content/a.md", "content/b.md", "content/c.md")) {
            age(site, path);
        }
        assertSameAsClean(site, "initial");
        // a new article joins Alpha's and Bravo's related lists and the port tag; Charlie shares nothing
        site.file("content/d.md", "---\ntitle: Delta\ndate: 2022-01-04\ntags: [port, energy]\n---\n\nDelta.\n");
        age(site, "content/d.md");
        assertSameAsClean(site, "an article added");
        // a translation of Alpha: Alpha's page gains its language switcher
        site.file("content/a-fr.md", "---\ntitle: Alpha FR\ndate: 2022-01-01\nlang: fr\ntranslation_key: alpha\n---\n\nAlpha.\n");
        age(site, "content/a-fr.md");
        assertSameAsClean(site, "a translation added");
        assertThat(site.page("2022/01/alpha/index.html").select("nav.translations a").eachText()).contains("Alpha FR");
        // a related article retitled: the pages listing it as related follow
        site.file("content/d.md", "---\ntitle: Delta renamed\ndate: 2022-01-04\ntags: [port, energy]\n---\n\nDelta.\n");
        age(site, "content/d.md");
        assertSameAsClean(site, "a related article retitled");
        assertThat(site.page("2022/01/alpha/index.html").select("aside.related a").eachText()).contains("Delta renamed");
        // a body edit only: every other page is kept on its digests
        site.file("content/c.md", "---\ntitle: Charlie\ndate: 2022-01-03\ntags: [rail]\n---\n\nCharlie, edited.\n");
        age(site, "content/c.md");
        assertSameAsClean(site, "a body edited");
    }

    /** A resident process takes related articles' terms from its last build: a retag is still seen at once. */
    @Test
    void aResidentProcessFollowsRetaggedArticlesInRelatedLists() throws Exception {
        ParsedFiles.keepBetweenBuilds(true);
        TestSite site = new TestSite(dir.resolve("site"));
        site.file("content/a.md", "---\ntitle: Alpha\ndate: 2022-01-01\ntags: [port]\n---\n\nAlpha.\n");
        site.file("content/b.md", "---\ntitle: Bravo\ndate: 2022-01-02\ntags: [port]\n---\n\nBravo.\n");
        site.file("content/c.md", "---\ntitle: Charlie\ndate: 2022-01-03\ntags: [rail]\n---\n\nCharlie.\n");
        assertSameAsClean(site, "initial");
        assertThat(site.page("2022/01/alpha/index.html").select("aside.related a").eachText()).containsExactly("Bravo");
        site.file("content/b.md", "---\ntitle: Bravo\ndate: 2022-01-02\ntags: [port]\n---\n\nBravo, edited.\n");
        age(site, "content/b.md");
        assertSameAsClean(site, "a body edited");
        site.file("content/c.md", "---\ntitle: Charlie\ndate: 2022-01-03\ntags: [port]\n---\n\nCharlie.\n");
        age(site, "content/c.md");
        assertSameAsClean(site, "an article retagged");
        assertThat(site.page("2022/01/alpha/index.html").select("aside.related a").eachText())
                .containsExactly("Charlie", "Bravo");
        site.file("content/b.md", "---\ntitle: Bravo\ndate: 2022-01-02\ntags: [rail]\n---\n\nBravo, edited.\n");
        age(site, "content/b.md");
        assertSameAsClean(site, "another retagged");
        assertThat(site.page("2022/01/alpha/index.html").select("aside.related a").eachText()).containsExactly("Charlie");
    }

    /**
     * A resident process keeps its compiled templates while templates/ is unchanged: a template added in a new
     * folder, edited to text of the same length, or removed is seen at the next build, as are new UI strings
     * with the templates kept, and a {% cache %} block is rendered again by each build.
     */
    @Test
    void aResidentProcessCompilesTemplatesAgainWhenAnyChanges() throws Exception {
        ParsedFiles.keepBetweenBuilds(true);
        TestSite site = new TestSite(dir.resolve("site"));
        site.file("site.yaml", "title: Desk\n");
        site.file("content/a.md", "---\ntitle: Alpha\ndate: 2022-01-01\nauthor: Ann\n---\n\nAlpha.\n");
        assertSameAsClean(site, "initial");
        site.file("templates/partials/footer.html", "<footer class=\"colophon\"><p>Edition one</p></footer>\n");
        assertSameAsClean(site, "a template added in a new folder");
        assertThat(site.page("2022/01/alpha/index.html").select("footer.colophon").text()).isEqualTo("Edition one");
        site.file("templates/partials/footer.html", "<footer class=\"colophon\"><p>Edition two</p></footer>\n");
        assertSameAsClean(site, "a template edited, same length");
        assertThat(site.page("2022/01/alpha/index.html").select("footer.colophon").text()).isEqualTo("Edition two");
        site.file("i18n/en.yaml", "published: \"Filed\"\n");
        assertSameAsClean(site, "UI strings changed, templates not");
        assertThat(site.page("2022/01/alpha/index.html").select(".dateline").text()).startsWith("Filed");
        site.file("templates/partials/footer.html",
                "<footer class=\"colophon\"><p>{% cache 'colophon' %}Edition of {{ site.title }}{% endcache %}</p></footer>\n");
        assertSameAsClean(site, "a cached block");
        site.file("site.yaml", "title: Evening desk\n");
        assertSameAsClean(site, "the cached block's variable changed, templates not");
        assertThat(site.page("2022/01/alpha/index.html").select("footer.colophon").text())
                .isEqualTo("Edition of Evening desk");
        Files.delete(site.root().resolve("templates/partials/footer.html"));
        assertSameAsClean(site, "a template removed");
        assertThat(site.page("2022/01/alpha/index.html").select("footer.colophon").text()).doesNotContain("Edition");
    }

    @Test
    void theSearchIndexAndSitemapsKeptFromThePreviousBuildAreRightOrMadeAgain() throws Exception {
        TestSite site = stories(6, i -> "Body of story " + i + " about harbours and bridges.");
        site.buildOk();
        // an edit that changes the edited article's words: its entry is made again, the others copied
        site.article("a3.md", "title: Story 3\ndate: 2022-03-03\ntags: [t1]", "Pipelines, pipelines, pipelines.");
        assertSameAsClean(site, "text edit");
        // an index that is not the one the cache describes is made again whole
        Files.writeString(site.output().resolve("search-index.json"), "{}");
        site.article("a4.md", "title: Story 4\ndate: 2022-03-04\ntags: [t0]", "Ferries and ferries.");
        assertSameAsClean(site, "foreign index");
        // a sitemap gone from the output is written again though the site state is the same
        Files.delete(site.output().resolve("sitemap.xml"));
        Files.delete(site.output().resolve("robots.txt"));
        assertSameAsClean(site, "sitemap deleted");
        // a retitled article changes the site state: sitemaps and every index entry are checked again
        site.article("a5.md", "title: Story five\ndate: 2022-03-05\ntags: [t1]", "Body of story 5 about harbours.");
        assertSameAsClean(site, "retitled");
    }

    /**
     * Bodies' HTML is appended to sixteen pack files: an article edited again and again grows its pack until it is
     * compacted, a pack changed by hand is read as missing, and pages and feeds made again from cached bodies (an
     * article retitled: its page, the full-content site feed) stay those of a clean build throughout.
     */
    @Test
    void bodyPacksAreCompactedAndAChangedPackIsNotTrusted() throws Exception {
        TestSite site = new TestSite(dir.resolve("site"));
        String paragraph = "A long paragraph of the report, with its figures and its quotes. ".repeat(60);
        String longBody = (paragraph + "\n\n").repeat(5);
        site.article("long.md", "title: Long read\ndate: 2022-01-01", longBody);
        site.article("short.md", "title: Short\ndate: 2022-01-02", "Short body.");
        site.buildOk();
        Path cache = dir.resolve("site/.public.gazette-cache");
        long largest = 0;
        for (int edit = 1; edit <= 12; edit++) {
            site.article("long.md", "title: Long read\ndate: 2022-01-01", longBody + "Edit " + edit + ".");
            age(site, "content/long.md");
            site.article("short.md", "title: Short " + edit + "\ndate: 2022-01-02", "Short body.");
            age(site, "content/short.md");
            assertSameAsClean(site, "edit " + edit);
            largest = Math.max(largest, packBytes(cache));
        }
        // twelve versions of a 20 KB body were written; compaction keeps the packs near what is in use
        assertThat(largest).isLessThan(6 * 20_000);
        try (Stream<Path> packs = Files.list(cache)) {
            for (Path pack : packs.filter(p -> p.toString().endsWith(".pack")).toList()) {
                byte[] bytes = Files.readAllBytes(pack);
                for (int i = 0; i < bytes.length; i += 7) {
                    bytes[i] = (byte) 'x';
                }
                Files.write(pack, bytes);
            }
        }
        // the long read's body is unchanged (cached) but its page and the site feed are made again
        site.article("long.md", "title: The long read\ndate: 2022-01-01", longBody + "Edit 12.");
        age(site, "content/long.md");
        assertSameAsClean(site, "packs changed by hand");
    }

    private static long packBytes(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            long total = 0;
            for (Path file : files.filter(p -> p.toString().endsWith(".pack")).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    @Test
    void aCorruptCacheOnlyCostsAFullRender() throws IOException {
        TestSite site = new TestSite(dir.resolve("site"));
        site.article("a.md", "title: A\ndate: 2022-01-01", "Body.");
        site.buildOk();
        Path cache = dir.resolve("site/.public.gazette-cache");
        try (Stream<Path> files = Files.walk(cache)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.write(file, new byte[] {1, 2, 3});
            }
        }
        site.buildOk();
        assertThat(site.page("2022/01/a/index.html").selectFirst(".story-body").text()).isEqualTo("Body.");
    }

    private String addArticle(TestSite site, Random random, int n) {
        String path = "content/" + (random.nextBoolean() ? "world/" : "") + "story-" + n + ".md";
        String tags = TAGS[random.nextInt(TAGS.length)] + ", " + TAGS[random.nextInt(TAGS.length)];
        site.file(path, "---\ntitle: Story " + n + " " + WORDS[random.nextInt(WORDS.length)] + "\ndate: 2022-"
                + String.format("%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)) + "\ntags: [" + tags
                + "]\nauthor: Author " + random.nextInt(3) + "\ncategory: " + CATEGORIES[random.nextInt(CATEGORIES.length)]
                + "\n---\n\n" + sentence(random) + "\n\n## Part\n\n"
                + sentence(random) + "\n");
        age(site, path);
        return path;
    }

    private long aged;

    /** Replaces the first front matter line matching {@code line} (a regular expression) and ages the file. */
    /** Removes front matter lines, so an edit that adds them again makes no duplicate key. */
    private static void dropFields(TestSite site, String path, String... keys) throws IOException {
        String text = Files.readString(site.root().resolve(path));
        for (String key : keys) {
            text = text.replaceAll("(?m)^" + key + ": .*\n", "");
        }
        site.file(path, text);
    }

    private void editField(TestSite site, String path, String line, String replacement) {
        try {
            String text = Files.readString(site.root().resolve(path));
            site.file(path, text.replaceFirst("(?m)^" + line + "$", java.util.regex.Matcher.quoteReplacement(replacement)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        age(site, path);
    }

    /**
     * Gives a file a modification time well in the past and distinct from every earlier one, as files edited
     * minutes apart have: the source cache trusts only times older than a couple of seconds.
     */
    private void age(TestSite site, String path) {
        try {
            Files.setLastModifiedTime(site.root().resolve(path),
                    FileTime.from(Instant.now().minusSeconds(3600).plusSeconds(++aged)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sentence(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 12 + random.nextInt(30); i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.append('.').toString();
    }

    private void assertSameAsClean(TestSite site, String step) throws Exception {
        BuildResult incremental = site.build();
        assertThat(incremental.succeeded()).as(step + ": " + TestSite.describe(incremental.problems())).isTrue();
        Path clean = dir.resolve("clean");
        boolean resident = ParsedFiles.keptBetweenBuilds();
        ParsedFiles.keepBetweenBuilds(false); // the clean build takes nothing from earlier builds
        BuildResult full;
        try {
            full = new SiteBuilder("test").build(
                    new BuildRequest(site.root(), clean, false, false, null, 2, TestSite.NOW, true));
        } finally {
            ParsedFiles.keepBetweenBuilds(resident);
        }
        assertThat(full.succeeded()).as(step).isTrue();
        Map<String, String> expected = TestSite.texts(clean);
        Map<String, String> actual = TestSite.texts(site.output());
        assertThat(actual.keySet()).as(step).isEqualTo(expected.keySet());
        expected.forEach((path, text) -> assertThat(actual.get(path)).as(step + ": " + path).isEqualTo(text));
    }

    private static Map<String, FileTime> times(Path root) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                times.put(root.relativize(file).toString(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }
}

package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.problem.Problem;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content of Hugo and Jekyll sites builds unedited: the front matter, files and markup those generators read, in
 * the layout of real public sites (gohugoio/hugoBasicExample's content folder, a Jekyll blog's _posts).
 */
class MigrationTest {

    @TempDir
    Path dir;

    @Test
    void aHugoSitesContentBuildsWithTomlShortcodesAndItsSpecialPages() {
        TestSite site = new TestSite(dir.resolve("hugo"));
        site.file("site.yaml", "title: Hugo Moved\n");
        site.file("content/_index.md", "---\ntitle: Home\n---\n");
        site.file("content/archives.md", "---\ndate: 2019-05-28\ntype: section\nlayout: \"archives\"\n---\n");
        site.file("content/homepage/index.md", "---\nheadless: true\n---\n");
        site.file("content/homepage/work.md", "---\ntitle: 'Our Work'\nweight: 1\n---\nResource text.\n");
        site.file("content/post/rich-content.md", """
                +++
                author = "Hugo Authors"
                title = "Rich Content"
                date = "2019-03-10"
                description = "A brief description of Hugo Shortcodes"
                tags = [
                    "shortcodes",
                    "privacy",
                ]
                +++

                Hugo ships with several Built-in Shortcodes.
                <!--more-->

                {{< youtube ZJthWmvUzzc >}}

                {{< twitter_simple user="DesignReviewed" id="1085870671291310081" >}}

                {{< highlight html >}}
                <section id="main">
                  <h1 id="title">{{ .Title }}</h1>
                </section>
                {{< /highlight >}}

                See the [syntax guide]({{< ref "markdown-syntax" >}}).

                {{< math.inline >}}
                <p>E = mc²</p>
                {{</ math.inline >}}
                """);
        site.file("content/post/markdown-syntax.md", """
                {
                  "title": "Markdown Syntax Guide",
                  "date": "2019-03-11",
                  "tags": ["markdown"]
                }

                Sample article.
                """);

        BuildResult result = site.build();

        assertThat(result.succeeded()).as(TestSite.describe(result.problems())).isTrue();
        assertThat(result.articles()).isEqualTo(2);
        assertThat(result.skipped()).isZero();
        assertThat(TestSite.describe(result.problems()))
                .contains("archives.md: note: a layout page (layout: archives)")
                .contains("homepage: note: a headless bundle")
                .containsPattern("rich-content.md:2\\d: warning: unknown shortcode 'math.inline'");
        Document page = site.page("2019/03/rich-content/index.html");
        assertThat(page.select("a[href=https://www.youtube.com/watch?v=ZJthWmvUzzc]")).hasSize(1);
        assertThat(page.select("a[href=https://x.com/DesignReviewed/status/1085870671291310081]").text())
                .isEqualTo("Post by @DesignReviewed on X");
        assertThat(page.select("pre code").text()).contains("<h1 id=\"title\">{{ .Title }}</h1>");
        assertThat(page.select("a:contains(syntax guide)").attr("href")).isEqualTo("/2019/03/markdown-syntax-guide/");
        String text = page.select("article").text();
        assertThat(text).contains("{{< math.inline >}}").contains("{{</ math.inline >}}").doesNotContain("{{}}")
                .doesNotContain("{{< youtube");
        assertThat(site.exists("2019/03/markdown-syntax-guide/index.html")).isTrue();
        assertThat(site.exists("homepage/work/index.html")).isFalse();
    }

    @Test
    void ownUrlsAliasesLanguageSuffixesExcerptsAndRealWorldDates() {
        TestSite site = new TestSite(dir.resolve("moved"));
        site.file("site.yaml", "title: Moved\nbase_url: https://example.org/\n");
        // Hugo's about page (hugoBasicExample's content/about.md)
        site.file("content/about.md", """
                +++
                title = "About"
                date = "2019-02-28"
                url = "/about/"
                aliases = ["about-us", "about-hugo", "contact"]
                author = "Hugo Authors"
                +++

                Written in Go, Hugo is an open source static site generator.
                """);
        site.file("content/post/hello.md", "---\ntitle: Hello\ndate: 2016-03-21 12:00 EDT\n---\nHello.\n");
        site.file("content/post/hello.fr.md", "---\ntitle: Bonjour\ndate: September 8, 2014\n"
                + "excerpt: Un mot de bienvenue.\n---\nBonjour.\n");
        site.file("content/_posts/2014-09-08-welcome.md", "---\ntitle: Welcome\npermalink: /blog/welcome.html\n"
                + "redirect_from:\n  - /old/welcome.html\n  - /2014/09/08/welcome/\n---\nHi.\n");
        // a Hugo page bundle: the post's folder holds its images
        site.file("content/post/trip/index.md", "---\ntitle: The trip\ndate: 2020-05-01\n---\n"
                + "![The lake](lake.jpg)\n\n![The map](maps/route.png)\n");
        site.file("content/post/trip/lake.jpg", "not really a jpeg");
        site.file("content/post/trip/maps/route.png", "not really a png");
        site.file("content/bad-alias.md", "---\ntitle: Bad\ndate: 2020-01-01\naliases: [\"../../etc\"]\n---\nX.\n");

        BuildResult result = site.build();

        assertThat(result.succeeded()).as(TestSite.describe(result.problems())).isTrue();
        assertThat(TestSite.describe(result.problems()))
                .contains("bad-alias.md:4: error, file skipped: aliases: '../../etc' is not a path of this site");
        assertThat(site.page("about/index.html").select("h1").text()).isEqualTo("About");
        for (String alias : new String[] {"about-us/index.html", "contact/index.html", "old/welcome.html",
                "2014/09/08/welcome/index.html"}) {
            Document redirect = site.page(alias);
            assertThat(redirect.select("meta[http-equiv=refresh]").attr("content")).as(alias)
                    .matches("0; url=https://example\\.org/(about/|blog/welcome\\.html)");
            assertThat(redirect.select("link[rel=canonical]").attr("href")).startsWith("https://example.org/");
        }
        assertThat(site.page("blog/welcome.html").select("h1").text()).isEqualTo("Welcome");
        assertThat(site.read("sitemap.xml")).doesNotContain("about-us").doesNotContain("old/welcome");

        Document french = site.page("2014/09/bonjour/index.html");
        assertThat(french.select("html").attr("lang")).isEqualTo("fr");
        assertThat(french.select("meta[name=description]").attr("content")).isEqualTo("Un mot de bienvenue.");
        assertThat(french.select("link[rel=alternate][hreflang=en]").attr("href")).endsWith("/2016/03/hello/");
        assertThat(site.exists("2016/03/hello/index.html")).isTrue();

        Document trip = site.page("2020/05/the-trip/index.html");
        assertThat(trip.select("img[alt=The lake]").attr("src")).isEqualTo("lake.jpg");
        assertThat(site.read("2020/05/the-trip/lake.jpg")).isEqualTo("not really a jpeg");
        assertThat(site.read("2020/05/the-trip/maps/route.png")).isEqualTo("not really a png");
        assertThat(site.exists("2020/05/the-trip/index.md")).isFalse();
    }

    @Test
    void aJekyllBlogsPostsBuildWithLiquidAndTitlesFromFileNames() {
        TestSite site = new TestSite(dir.resolve("jekyll"));
        site.file("site.yaml", "title: Jekyll Moved\nbase_url: https://blog.example.org/news/\n");
        site.file("_includes/signoff.html", "<p class=\"signoff\">Thanks for reading.</p>\n");
        site.file("content/_posts/2014-09-08-welcome-to-jekyll.md", """
                ---
                layout: post
                categories: jekyll update
                ---
                You'll find this post in your `_posts` directory. See [the next one]({% post_url 2014-09-10-second-post %}).

                {% highlight ruby %}
                def print_hi(name)
                  puts "Hi, #{name}"
                end
                {% endhighlight %}

                ![Logo]({{ site.baseurl }}/assets/logo.png) {{ page.title }}

                {% include signoff.html %}
                {% include newsletter.html %}
                """);
        site.file("content/_posts/2014-09-10-second-post.md", "---\ntitle: Second post\n---\nMore.\n");
        // poole's archive.md: a page that lists the posts through Liquid, which Gazette writes itself
        site.file("content/archive.md", "---\nlayout: default\ntitle: Archive\n---\n\n# Archive\n\n"
                + "{% for post in site.posts %}\n  <li><a href=\"{{ post.url }}\">{{ post.title }}</a></li>\n{% endfor %}\n");
        // Jekyll's about page: no date, so a page of the site, not an article
        site.file("content/about.md", "---\nlayout: page\ntitle: About\n---\n\nThis blog is about [the welcome]"
                + "({% post_url 2014-09-08-welcome-to-jekyll %}).\n");

        BuildResult result = site.build();

        assertThat(result.succeeded()).as(TestSite.describe(result.problems())).isTrue();
        assertThat(result.articles()).isEqualTo(2);
        String problems = TestSite.describe(result.problems());
        assertThat(problems).contains("2014-09-08-welcome-to-jekyll.md:1: warning: no title; using 'Welcome to jekyll'")
                .containsPattern("welcome-to-jekyll.md:\\d+: warning: include of 'newsletter.html'")
                .containsPattern("welcome-to-jekyll.md:\\d+: warning: Liquid output '\\{\\{ page.title }}'");
        assertThat(result.problems()).noneMatch(Problem::isError);
        Document page = site.page("2014/09/welcome-to-jekyll/index.html");
        assertThat(page.select("h1").text()).isEqualTo("Welcome to jekyll");
        assertThat(page.select("a:contains(the next one)").attr("href")).isEqualTo("/news/2014/09/second-post/");
        assertThat(page.select("pre code").text()).contains("puts \"Hi, #{name}\"");
        assertThat(page.select("img[alt=Logo]").attr("src")).isEqualTo("/news/assets/logo.png");
        assertThat(page.select("p.signoff").text()).isEqualTo("Thanks for reading.");
        assertThat(page.select("article").text()).doesNotContain("{%").doesNotContain("site.baseurl");

        Document about = site.page("about/index.html");
        assertThat(about.select("h1").text()).isEqualTo("About");
        assertThat(about.select(".story-body a").attr("href")).isEqualTo("/news/2014/09/welcome-to-jekyll/");
        assertThat(about.select("time")).isEmpty();
        assertThat(site.read("index.html")).doesNotContain("/news/about/");
        assertThat(site.read("feed.xml")).doesNotContain("/news/about/");
        assertThat(site.exists("archive/index.html")).isFalse();
        assertThat(problems).contains("archive.md: note: a page that lists the site's posts with Liquid");
    }
}

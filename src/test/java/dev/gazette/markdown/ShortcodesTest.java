package dev.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShortcodesTest {

    /** A site at https://news.example.org/blog/ with two articles and one include. */
    private static final Shortcodes.Site SITE = new Shortcodes.Site() {
        private final Map<String, String> urls = Map.of("post/markdown-syntax.md", "/blog/2019/03/markdown-syntax/",
                "2014-09-08-welcome", "/blog/2014/09/welcome/");

        @Override
        public Optional<String> articleUrl(String reference) {
            return Optional.ofNullable(urls.get(reference));
        }

        @Override
        public String basePath() {
            return "/blog/";
        }

        @Override
        public String absoluteUrl(String sitePath) {
            return "https://news.example.org" + sitePath;
        }

        @Override
        public Optional<String> include(String name) {
            return name.equals("note.html") ? Optional.of("<aside>A note.</aside>") : Optional.empty();
        }
    };

    private static Shortcodes.Expanded expand(String text) {
        return Shortcodes.expand(text, SITE);
    }

    @Test
    void hugosCommonShortcodesBecomeWhatTheyShow() {
        // as written in a real Hugo site's posts (hugoBasicExample's rich-content.md) and Hugo's documentation
        Shortcodes.Expanded e = expand("""
                {{< youtube ZJthWmvUzzc >}}

                {{< vimeo_simple 48912912 >}}

                {{< x user="SanDiegoZoo" id="1453110110599868418" >}}

                {{< figure src="/images/lake.jpg" alt="A lake" caption="The lake at dawn" width="640" >}}

                See [the guide]({{< ref "post/markdown-syntax.md" >}}) and {{% relref "nowhere.md" %}}.
                """);
        assertThat(e.markdown())
                .contains("[Video on YouTube](https://www.youtube.com/watch?v=ZJthWmvUzzc)")
                .contains("[Video on Vimeo](https://vimeo.com/48912912)")
                .contains("[Post by @SanDiegoZoo on X](https://x.com/SanDiegoZoo/status/1453110110599868418)")
                .contains("<figure><img src=\"/images/lake.jpg\" alt=\"A lake\" width=\"640\">"
                        + "<figcaption>The lake at dawn</figcaption></figure>")
                .contains("[the guide](/blog/2019/03/markdown-syntax/)")
                .contains(" and #.");
        assertThat(e.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(9);
            assertThat(w.message()).contains("'nowhere.md' names no article");
        });
    }

    @Test
    void highlightBlocksKeepTheirCodeVerbatimInAFence() {
        Shortcodes.Expanded e = expand("""
                Before.

                {{< highlight go "linenos=table,hl_lines=2" >}}
                if a < b && "quotes" {
                    {{ .Title }}
                }
                {{< /highlight >}}

                {% highlight ruby %}
                def foo; "it's"; end
                {% endhighlight %}
                """);
        assertThat(e.markdown()).contains("```go\nif a < b && \"quotes\" {\n    {{ .Title }}\n}\n```\n")
                .contains("```ruby\ndef foo; \"it's\"; end\n```\n");
        assertThat(e.warnings()).isEmpty();
    }

    @Test
    void unknownShortcodesStayVisibleWholeAndAreNamedWithTheirLine() {
        Shortcodes.Expanded e = expand("Intro.\n\n{{< math.inline >}}\n<p>x</p>\n{{</ math.inline >}}\n\n"
                + "{{< chart data=\"sales\" >}}\n");
        assertThat(e.markdown()).contains("{{&lt; math.inline &gt;}}").contains("{{&lt;/ math.inline &gt;}}")
                .contains("{{&lt; chart data=&quot;sales&quot; &gt;}}");
        assertThat(e.warnings()).extracting(Shortcodes.Warning::line).containsExactly(3, 7);
        assertThat(e.warnings().get(0).message()).contains("unknown shortcode 'math.inline'");
    }

    @Test
    void codeSpansFencesAndHugosEscapedFormAreLeftAlone() {
        Shortcodes.Expanded e = expand("Write `{{< youtube id >}}` or {{</* youtube id */>}}.\n\n```\n{{< x >}}\n{% raw %}\n```\n");
        assertThat(e.markdown()).startsWith("Write `{{< youtube id >}}` or {{&lt; youtube id &gt;}}.")
                .endsWith("```\n{{< x >}}\n{% raw %}\n```\n");
        assertThat(e.warnings()).isEmpty();
    }

    @Test
    void jekyllsLiquidTagsAndSiteVariables() {
        Shortcodes.Expanded e = expand("""
                ![Logo]({{ site.baseurl }}/assets/logo.png) and [home]({{ "/about/" | relative_url }}),
                [feed]({{ '/feed.xml' | absolute_url }}), {{ site.url }}.

                [Welcome]({% post_url 2014-09-08-welcome %}) and [guide]({% link post/markdown-syntax.md %}).

                {% include note.html %}
                {% include missing.html %}
                {% raw %}{{ page.title }}{% endraw %}
                {% comment %}Drafting note.{% endcomment %}
                {{ page.title }} {% assign x = 1 %}
                {% gist parkr/931c1c8d465a04042403 %}
                """);
        assertThat(e.markdown())
                .contains("![Logo](/blog/assets/logo.png) and [home](/blog/about/),")
                .contains("[feed](https://news.example.org/blog/feed.xml), https://news.example.org.")
                .contains("[Welcome](/blog/2014/09/welcome/) and [guide](/blog/2019/03/markdown-syntax/).")
                .contains("<aside>A note.</aside>")
                .contains("\n{{ page.title }}\n")
                .doesNotContain("Drafting note")
                .contains("{% assign x = 1 %}")
                .contains("[Gist parkr/931c1c8d465a04042403](https://gist.github.com/parkr/931c1c8d465a04042403)");
        assertThat(e.warnings()).extracting(Shortcodes.Warning::message)
                .anySatisfy(m -> assertThat(m).contains("include of 'missing.html'"))
                .anySatisfy(m -> assertThat(m).contains("'{{ page.title }}' is left as text"))
                .anySatisfy(m -> assertThat(m).contains("unknown Liquid tag 'assign'"));
    }

    @Test
    void kramdownAttributeListsOfJekyllPostsAreDropped() {
        // as in poole's example post: "**Howdy!** This is an example blog post ... {: .message }"
        Shortcodes.Expanded e = expand("**Howdy!** This is an example. {: .message }\n\n{:toc}\n\nA set {: like this} stays.\n");
        assertThat(e.markdown()).isEqualTo("**Howdy!** This is an example.\n\n\n\nA set {: like this} stays.\n");
        assertThat(e.warnings()).isEmpty();
    }
}

package dev.gazette.content;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.List;

/** One year of articles, by month newest first, for the archive page at "/2022/". */
public record ArchiveYear(int year, String url, List<Month> months) {

    /** One month's articles, newest first. */
    public record Month(YearMonth month, List<Article> articles) {
        public Month {
            requireNonNull(month, "month is null");
            articles = List.copyOf(articles);
        }
    }

    public ArchiveYear {
        requireNonNull(url, "url is null");
        months = List.copyOf(months);
    }

    public int articleCount() {
        return months.stream().mapToInt(m -> m.articles().size()).sum();
    }
}

package dev.gazette.content;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a paginated list: page 1 lives at the list's own URL, page n at "page/n/" under it.
 *
 * @param number 1-based page number
 * @param pageUrls the URL of every page of the list, index 0 for page 1
 */
public record Pager<T>(int number, List<T> items, List<String> pageUrls) {

    public Pager {
        items = List.copyOf(items);
        pageUrls = List.copyOf(pageUrls);
        if (number < 1 || number > pageUrls.size()) {
            throw new IllegalArgumentException("page " + number + " of " + pageUrls.size());
        }
    }

    /** Splits items into pages of {@code size}; an empty list still gets one (empty) page. */
    public static <T> List<Pager<T>> paginate(List<T> items, int size, String firstUrl) {
        int pages = (int) Math.max(1, ((long) items.size() + size - 1) / size); // size may be SiteConfig.ALL
        List<String> urls = new ArrayList<>(pages);
        for (int n = 1; n <= pages; n++) {
            urls.add(n == 1 ? firstUrl : firstUrl + "page/" + n + "/");
        }
        List<Pager<T>> result = new ArrayList<>(pages);
        for (int n = 1; n <= pages; n++) {
            int from = (n - 1) * size;
            result.add(new Pager<>(n, items.subList(from, (int) Math.min(items.size(), (long) from + size)), urls));
        }
        return result;
    }

    public int totalPages() {
        return pageUrls.size();
    }

    public String url() {
        return pageUrls.get(number - 1);
    }

    public String previousUrl() {
        return number > 1 ? pageUrls.get(number - 2) : null;
    }

    public String nextUrl() {
        return number < pageUrls.size() ? pageUrls.get(number) : null;
    }
}

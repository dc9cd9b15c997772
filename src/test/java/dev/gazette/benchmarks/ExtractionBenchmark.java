package dev.gazette.benchmarks;

import dev.gazette.html.ExtractedPage;
import dev.gazette.html.HtmlArticleExtractor;
import dev.gazette.source.TextDecoder;
import dev.gazette.source.YamlReader;
import dev.gazette.syndication.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Runs the article extractor of {@code gazette import} over a folder of saved pages with ground truth, as the
 * public article-extraction benchmark lays them out ({@code html/KEY.html.gz} and {@code ground-truth.json}
 * giving each page's URL), and writes the bodies found as that benchmark's prediction file
 * ({@code {"KEY": {"articleBody": "..."}}}). bench/extraction.sh runs it and the benchmark's own scorer.
 *
 * <p>Arguments: DATASET OUTPUT.json
 */
public final class ExtractionBenchmark {

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dataset = Path.of(args[0]);
        Path output = Path.of(args[1]);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> truth = (Map<String, Map<String, Object>>) YamlReader.readValue(
                Files.readString(dataset.resolve("ground-truth.json")));
        Map<String, Map<String, String>> bodies = new TreeMap<>();
        for (Map.Entry<String, Map<String, Object>> page : truth.entrySet()) {
            Path file = dataset.resolve("html").resolve(page.getKey() + ".html.gz");
            String html = TextDecoder.decode(gunzip(file)).text();
            ExtractedPage extracted = HtmlArticleExtractor.extract(html, String.valueOf(page.getValue().get("url")));
            bodies.put(page.getKey(), Map.of("articleBody", extracted.bodyText()));
        }
        Files.writeString(output, Json.write(bodies), StandardCharsets.UTF_8);
        System.out.println("wrote " + bodies.size() + " bodies to " + output);
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}

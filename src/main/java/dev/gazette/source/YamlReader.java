package dev.gazette.source;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Decodes a YAML mapping (front matter, site.yaml, metadata beside raw articles) with the YAML 1.2 core schema:
 * dates stay text for the content model to parse, {@code no} stays text, duplicate keys are errors.
 */
public final class YamlReader {

    /** Settings are immutable and shared: building them per file was a measurable part of reading 10,000 articles. */
    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setAllowDuplicateKeys(false)
            .setMaxAliasesForCollections(50)
            .setCodePointLimit(4 * 1024 * 1024)
            .build();

    private YamlReader() {
    }

    /**
     * Any YAML or JSON value (JSON is YAML): maps, lists, text, numbers. Used for JSON-LD found in HTML pages.
     *
     * @throws SourceException when the text is neither
     */
    public static Object readValue(String text) throws SourceException {
        LoadSettings settings = LoadSettings.builder().setMaxAliasesForCollections(50).build();
        try {
            Optional<Node> root = new Compose(settings).composeString(text.replace('\t', ' '));
            return root.isEmpty() ? null : new StandardConstructor(settings).constructSingleDocument(root);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            throw new SourceException(line, "invalid YAML: " + (e.getProblem() == null ? e.getMessage() : e.getProblem()));
        } catch (YamlEngineException e) {
            throw new SourceException(0, "invalid YAML or JSON: " + e.getMessage());
        }
    }

    /**
     * @param text the YAML document
     * @param firstLine the file line that the document's first line is on, so errors name the file's line
     * @throws SourceException when the text is not YAML or not a mapping, with the line at fault
     */
    public static YamlMap read(String text, int firstLine) throws SourceException {
        LoadSettings settings = SETTINGS;
        try {
            Optional<Node> root = new Compose(settings).composeString(text);
            if (root.isEmpty()) {
                return YamlMap.EMPTY;
            }
            if (!(root.get() instanceof MappingNode mapping)) {
                int line = root.get().getStartMark().map(m -> m.getLine() + firstLine).orElse(firstLine);
                throw new SourceException(line, "expected 'key: value' lines, found "
                        + (root.get() instanceof ScalarNode ? "plain text" : "a list"));
            }
            Map<String, Integer> lines = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    lines.put(key.getValue(), key.getStartMark().map(m -> m.getLine() + firstLine).orElse(firstLine));
                }
            }
            Object constructed = new StandardConstructor(settings).constructSingleDocument(root);
            Map<String, Object> values = new LinkedHashMap<>();
            ((Map<?, ?>) constructed).forEach((k, v) -> values.put(String.valueOf(k), v));
            return new YamlMap(values, lines);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + firstLine).orElse(firstLine);
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : " " + e.getContext();
            throw new SourceException(line, "invalid YAML: " + problem + context);
        } catch (YamlEngineException e) {
            throw new SourceException(firstLine, "invalid YAML: " + e.getMessage());
        }
    }
}

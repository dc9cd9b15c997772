package dev.gazette.i18n;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Detects the language of article text among a site's candidate languages (restricting the choice is what
 * makes n-gram detection reliable on a few paragraphs of news). Built once per build; detection is
 * deterministic (a fixed seed) and safe from many threads (the detector holds only final, read-only data).
 */
public final class LanguageDetection {

    private final LanguageDetector detector;
    private final TextObjectFactory longText = CommonTextObjectFactories.forDetectingOnLargeText();
    private final TextObjectFactory shortText = CommonTextObjectFactories.forDetectingShortCleanText();
    private final List<String> candidates;

    /** @param candidates language codes such as "en", "fr"; codes without a built-in profile are skipped */
    public LanguageDetection(List<String> candidates) {
        List<LanguageProfile> profiles = new ArrayList<>();
        List<String> known = new ArrayList<>();
        LanguageProfileReader reader = new LanguageProfileReader();
        for (String code : candidates) {
            try {
                profiles.add(reader.readBuiltIn(LdLocale.fromString(code)));
                known.add(code);
            } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                // no built-in profile for this code: it cannot be detected, only declared
            }
        }
        if (profiles.isEmpty()) {
            try {
                profiles.add(reader.readBuiltIn(LdLocale.fromString("en")));
                known.add("en");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the built-in language profile for en", e);
            }
        }
        this.candidates = List.copyOf(known);
        this.detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                .withProfiles(profiles)
                .seed(42L)
                .build();
    }

    /** The languages this detector can answer with. */
    public List<String> candidates() {
        return candidates;
    }

    /** The most probable language of a body of text, if any candidate is probable enough. */
    public Optional<String> detect(String text) {
        return best(detector.getProbabilities(longText.forText(text)), 0.5);
    }

    /**
     * The language of a short text (a headline) only when detection is confident, at least
     * {@code minProbability}; short texts are easily misread, so callers should ask for a high bar.
     */
    public Optional<String> detectShort(String text, double minProbability) {
        return best(detector.getProbabilities(shortText.forText(text)), minProbability);
    }

    private static Optional<String> best(List<DetectedLanguage> probabilities, double minProbability) {
        return probabilities.stream()
                .filter(d -> d.getProbability() >= minProbability)
                .max((a, b) -> Double.compare(a.getProbability(), b.getProbability()))
                .map(d -> d.getLocale().getLanguage());
    }
}

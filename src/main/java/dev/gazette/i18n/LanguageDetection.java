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

    /**
     * The most probable language of a body of text, if any candidate is probable enough. Text written mostly in
     * a script that one language owns among those news comes in (Japanese kana, Korean Hangul, Thai, Hebrew,
     * Greek) or that the candidates cannot tell apart (Chinese Han, Arabic) is named by its script: n-gram
     * profiles of Latin-script languages would only guess.
     */
    public Optional<String> detect(String text) {
        Optional<String> byScript = byScript(text);
        if (byScript.isPresent()) {
            return byScript;
        }
        return best(detector.getProbabilities(longText.forText(text)), 0.5);
    }

    /** The language a text's script gives, when more than half of its letters are in one such script. */
    static Optional<String> byScript(String text) {
        int letters = 0;
        int han = 0;
        int kana = 0;
        int hangul = 0;
        int thai = 0;
        int arabic = 0;
        int hebrew = 0;
        int greek = 0;
        int limit = Math.min(text.length(), 20_000);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            switch (script) {
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case THAI -> thai++;
                case ARABIC -> arabic++;
                case HEBREW -> hebrew++;
                case GREEK -> greek++;
                default -> {
                }
            }
        }
        if (letters == 0) {
            return Optional.empty();
        }
        double half = letters / 2.0;
        if (kana > letters / 10.0 && han + kana > half) {
            return Optional.of("ja");
        }
        if (han > half) {
            return Optional.of("zh");
        }
        if (hangul > half) {
            return Optional.of("ko");
        }
        if (thai > half) {
            return Optional.of("th");
        }
        if (arabic > half) {
            return Optional.of("ar");
        }
        if (hebrew > half) {
            return Optional.of("he");
        }
        if (greek > half) {
            return Optional.of("el");
        }
        return Optional.empty();
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

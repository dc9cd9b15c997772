package dev.gazette.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.SiteConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectionTest {

    private static final LanguageDetection DETECTION = new LanguageDetection(SiteConfig.DEFAULT_DETECT_LANGUAGES);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // opening sentences of news copy in the languages news comes in
            "zh | 国家航天局表示，嫦娥五号探测器已于今天凌晨成功着陆月球正面预选着陆区，并传回着陆影像图。",
            "ja | 東京都は十八日、新型コロナウイルスの感染者が新たに確認されたと発表した。都の担当者は警戒を呼びかけている。",
            "ko | 서울시는 오늘 오전 시내버스 노선을 조정한다고 밝혔다. 새 노선은 다음 달부터 운행된다.",
            "th | กรุงเทพมหานครประกาศปิดถนนหลายสายในวันพรุ่งนี้ เพื่อรองรับขบวนพาเหรดประจำปี",
            "ar | أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في العاصمة لخدمة آلاف المرضى في المنطقة.",
            "cs | Vláda ve středu schválila návrh rozpočtu na příští rok, který počítá s nižším schodkem než letos.",
            "pt | O governo anunciou nesta quarta-feira um novo pacote de medidas para conter a inflação no país.",
            "pl | Rząd przyjął w środę projekt budżetu na przyszły rok, który zakłada mniejszy deficyt niż w tym roku.",
            "fr | Le gouvernement a présenté mercredi un projet de budget qui prévoit un déficit plus faible que prévu.",
    })
    void theLanguagesNewsComesInAreDetected(String expected, String text) {
        assertThat(DETECTION.detect(text)).contains(expected);
    }
}

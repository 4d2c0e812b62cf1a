package io.wirestream.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.avro.AlertLevel;
import io.wirestream.avro.AlertState;
import io.wirestream.avro.EnrichedStory;
import io.wirestream.avro.Signal;
import io.wirestream.avro.StoryAction;
import io.wirestream.testing.Stories;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules as plain functions: the story's own level and a cluster's level from its state. */
class AlertRulesTest {

    private static final AlertSettings S = AlertSettings.defaults();
    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    private static AlertLevel own(EnrichedStory s) {
        return AlertRules.levelOf(s, S).orElse(null);
    }

    @Test
    void aWireUrgencyAloneIsAtMostUrgentAndNeverAFlash() {
        assertThat(own(Stories.aStory("k").urgency(1).build())).isEqualTo(AlertLevel.URGENT);
        assertThat(own(Stories.aStory("k").signal(Signal.FLASH).build())).isEqualTo(AlertLevel.URGENT);
        assertThat(own(Stories.aStory("k").urgency(2).build())).isEqualTo(AlertLevel.URGENT);
        assertThat(own(Stories.aStory("k").urgency(5).build())).isNull();
        assertThat(own(Stories.aStory("k").urgency(null).build())).isNull();
    }

    @Test
    void anAnpaPriorityFOnAFeatureSaysNothing() {
        EnrichedStory feature = Stories.aStory("k").format("anpa").urgency(1).build();
        assertThat(AlertRules.falseFlash(feature)).isTrue();
        assertThat(own(feature)).isNull();
        assertThat(own(Stories.aStory("k").format("anpa").urgency(1).signal(Signal.FLASH).build())).isEqualTo(AlertLevel.URGENT);
    }

    @Test
    void theAlertStageGetsTheLeadItReadsAndNotTheWholeBody() {
        String p1 = "Troops entered the capital at dawn. " + "x".repeat(250);
        String p2 = "The president was killed in the strike, officials said. " + "y".repeat(250);
        String p3 = "Background that the alert never reads. " + "z".repeat(500);
        EnrichedStory full = EnrichedStory.newBuilder(Stories.aStory("k").headline("Strike on the capital").body(p1, p2, p3).build())
                .setBodyHtml("<p>" + p1 + "</p>").build();
        EnrichedStory input = AlertRules.alertInput(full);
        assertThat(AlertRules.headlineAndLead(input)).isEqualTo(AlertRules.headlineAndLead(full));
        assertThat(input.getBody()).hasSize(2);
        assertThat(String.join("", input.getBody())).hasSize(AlertRules.LEAD_CHARS);
        assertThat(input.getBodyHtml()).isNull();
        assertThat(input.getHeadline()).isEqualTo(full.getHeadline());
        String emoji = "a".repeat(AlertRules.LEAD_CHARS - 1) + "\uD83D\uDCA5 and more";
        EnrichedStory cutInAPair = AlertRules.alertInput(Stories.aStory("e").headline("Blast").body(emoji).build());
        assertThat(cutInAPair.getBody().get(0)).as("a cut inside a surrogate pair leaves the pair out, never half of it")
                .isEqualTo("a".repeat(AlertRules.LEAD_CHARS - 1));
        EnrichedStory shortStory = Stories.aStory("s").headline("Quake").body("A short lead.").build();
        assertThat(AlertRules.alertInput(shortStory)).isSameAs(shortStory);
    }

    @Test
    void aKillIsAKillNotice() {
        assertThat(own(Stories.aStory("k").urgency(5).canceled().action(StoryAction.KILL).build())).isEqualTo(AlertLevel.KILL);
    }

    @Test
    void wireFlashAndStrongLanguageAgreeOnAFlash() {
        EnrichedStory s = Stories.aStory("k").urgency(1).headline("President killed in air strike").build();
        assertThat(own(s)).isEqualTo(AlertLevel.FLASH);
    }

    @Test
    void veryStrongLanguageAloneIsABulletinOrdinaryDeathsAreNot() {
        assertThat(own(Stories.aStory("k").headline("Supreme leader killed in military strike").build())).isEqualTo(AlertLevel.BULLETIN);
        assertThat(own(Stories.aStory("k").headline("Actor dies at 91").build())).isNull();
        assertThat(own(Stories.aStory("k").headline("Twelve dead as bomb explodes at market").build())).isEqualTo(AlertLevel.URGENT);
    }

    @Test
    void corroborationCountsDistinctSourcesInsideTheWindow() {
        EnrichedStory a = Stories.aStory("a").headline("Budget passes").build();
        AlertState st = AlertRules.newState(a, T0.toEpochMilli());
        long t = T0.toEpochMilli();
        AlertRules.include(st, withSource(a, "reuters"), t, S);
        AlertRules.include(st, withSource(a, "reuters"), t + 10_000, S); // a second copy of one outlet
        AlertRules.include(st, withSource(a, "afp"), t + 20_000, S);
        assertThat(AlertRules.decide(st, t + 20_000, S)).isEmpty();
        AlertRules.include(st, withSource(a, "bbc"), t + 30_000, S);
        assertThat(AlertRules.decide(st, t + 30_000, S)).get().satisfies(d -> assertThat(d.level()).isEqualTo(AlertLevel.BULLETIN));
        // Eleven minutes on, only the latest source is inside the window.
        assertThat(AlertRules.decide(st, t + 30_000 + 11 * 60_000, S)).isEmpty();
    }

    @Test
    void fourSourcesOverHalfAnHourCorroborateWhenNoThreeFallInTenMinutes() {
        EnrichedStory a = Stories.aStory("a").headline("Retailer agrees to buy rival").build();
        long t = T0.toEpochMilli();
        long minute = 60_000;
        AlertState st = AlertRules.newState(a, t);
        AlertRules.include(st, withSource(a, "reuters"), t, S);
        AlertRules.include(st, withSource(a, "wsj"), t + 6 * minute, S);
        AlertRules.include(st, withSource(a, "afp"), t + 13 * minute, S);
        assertThat(AlertRules.decide(st, t + 13 * minute, S)).as("three sources, never three in ten minutes").isEmpty();
        AlertRules.include(st, withSource(a, "bbc"), t + 19 * minute, S);
        assertThat(AlertRules.sourcesInWindow(st, t + 19 * minute, S)).containsExactly("afp", "bbc");
        assertThat(AlertRules.decide(st, t + 19 * minute, S)).get().satisfies(d -> {
            assertThat(d.level()).isEqualTo(AlertLevel.BULLETIN);
            assertThat(d.reasons()).anySatisfy(r -> assertThat(r).contains("4 distinct sources within 30 min (corroborated, sustained)"));
        });
        AlertSettings shortWindowOnly = S.withSustained(0, S.sustainedWindow());
        assertThat(AlertRules.decide(st, t + 19 * minute, shortWindowOnly)).as("the longer window turned off").isEmpty();
        assertThat(AlertRules.decide(st, t + 30 * minute, S)).as("all four inside the window, its edge included").isPresent();
        assertThat(AlertRules.decide(st, t + 30 * minute + 1, S)).as("the first source has left the longer window").isEmpty();

        AlertState flashed = AlertRules.newState(a, t);
        AlertRules.include(flashed, withSource(Stories.aStory("f").headline("Retailer agrees to buy rival").urgency(1).build(),
                "reuters"), t, S);
        AlertRules.include(flashed, withSource(a, "wsj"), t + 6 * minute, S);
        AlertRules.include(flashed, withSource(a, "afp"), t + 13 * minute, S);
        AlertRules.include(flashed, withSource(a, "bbc"), t + 19 * minute, S);
        assertThat(AlertRules.decide(flashed, t + 19 * minute, S)).get()
                .satisfies(d -> assertThat(d.level()).as("a wire flash that sustained corroboration agrees with").isEqualTo(AlertLevel.FLASH));
    }

    @Test
    void phrasesAreWeightedPerRuleOnceAndMultilingual() {
        BreakingPhrases p = S.phrases();
        assertThat(p.match("Killed, killed, killed").weight()).isEqualTo(1.0);
        assertThat(p.match("Séisme: le président tué").reasons()).isNotEmpty();
        assertThat(p.match("Regierung verhängt Ausnahmezustand").weight()).isGreaterThanOrEqualTo(2.0);
        assertThat(p.match("Magnitude 7.1 earthquake hits Chile").reasons()).contains("earthquake with a magnitude");
        assertThat(p.match("Apple unveils new iPhone").weight()).isZero();
        assertThatThrownBy(() -> BreakingPhrases.parse("x\ten\treason\tfoo", "test")).hasMessageContaining("test:1");
    }

    @Test
    void eachPhraseRuleReadsTheLanguageItIsWrittenFor() {
        // dpa's market table and press review: German "die" (the) and "dies" (this) are no English deaths
        EnrichedStory table = Stories.aStory("de-1").language("de").headline("XETRA-Gewinner und -Verlierer")
                .body("Die folgenden Aktien hatten an der Frankfurter Wertpapierbörse am 29.06.2017 die beste und die schlechteste Entwicklung auf.")
                .build();
        EnrichedStory review = Stories.aStory("de-2").language("de").headline("«Stuttgarter Zeitung» zu Hongkong")
                .body("Denen hat Chinas Premier auf dem Volkskongress im März erstmals erklärt, dass dies keine Chance hat.").build();
        assertThat(AlertRules.phrasesOf(table, S.phrases()).reasons()).isEmpty();
        assertThat(AlertRules.phrasesOf(review, S.phrases()).reasons()).isEmpty();
        assertThat(S.phrases().match(AlertRules.headlineAndLead(review)).reasons()).as("every rule, language unknown")
                .contains("head of state or government killed, dying or ousted");

        EnrichedStory german = Stories.aStory("de-3").language("de").headline("Regierung verhängt Ausnahmezustand").build();
        assertThat(AlertRules.phrasesOf(german, S.phrases()).weight()).isGreaterThanOrEqualTo(2.0);
        EnrichedStory english = Stories.aStory("en-1").language("en-GB").headline("12 people killed in blast").build();
        assertThat(AlertRules.phrasesOf(english, S.phrases()).reasons()).contains("deaths with a number", "explosion");
        EnrichedStory mislabelled = Stories.aStory("en-2").language("de")
                .headline("President killed in an attack on the capital, officials say")
                .body("The president was killed when gunmen stormed the palace in the early hours of the morning and the army is now in the streets of the city.")
                .build();
        assertThat(AlertRules.phrasesOf(mislabelled, S.phrases()).reasons()).as("English text sent as German is read as English")
                .contains("head of state or government killed, dying or ousted");
        EnrichedStory ansa = Stories.aStory("it-1").language("it").headline("President killed in attack on palace").build();
        assertThat(AlertRules.phrasesOf(ansa, S.phrases()).reasons()).as("a language no rule is written for: every rule")
                .contains("head of state or government killed, dying or ousted");
        EnrichedStory unsaid = Stories.aStory("x").language(null).headline("Séisme: le président tué").build();
        assertThat(AlertRules.phrasesOf(unsaid, S.phrases()).reasons()).as("no language sent, too short to tell: every rule").isNotEmpty();
    }

    @Test
    void tiersComeFromTheAgencyName() {
        assertThat(SourceTiers.tierOf("Associated Press")).isEqualTo(SourceTiers.GLOBAL);
        assertThat(SourceTiers.tierOf("dpa")).isEqualTo(SourceTiers.NATIONAL);
        assertThat(SourceTiers.tierOf("Some Blog")).isEqualTo(SourceTiers.OTHER);
    }

    @Test
    void theCatalogueRecordsTierWinsOverTheTableWhereTheStoryCarriesOne() {
        EnrichedStory bare = withSource(Stories.aStory("k").build(), "dpa");
        assertThat(SourceTiers.tierOf(bare)).as("no record: the table").isEqualTo(SourceTiers.NATIONAL);
        io.wirestream.avro.Source dpa = io.wirestream.sources.SourceCatalogue.bundled().byId("dpa").orElseThrow();
        io.wirestream.avro.Source promoted = io.wirestream.avro.Source.newBuilder(dpa).setTier(SourceTiers.GLOBAL).build();
        assertThat(SourceTiers.tierOf(EnrichedStory.newBuilder(bare).setSourceRecord(promoted).build()))
                .as("a tier edited in the catalogue").isEqualTo(SourceTiers.GLOBAL);
        EnrichedStory blog = EnrichedStory.newBuilder(withSource(Stories.aStory("b").build(), "Some Blog"))
                .setSourceRecord(io.wirestream.sources.SourceCatalogue.unknown("Some Blog"))
                .setOriginalSource(io.wirestream.sources.SourceCatalogue.bundled().byId("ap").orElseThrow()).build();
        assertThat(SourceTiers.tierOf(blog)).as("a blog re-running AP copy: AP's tier").isEqualTo(SourceTiers.GLOBAL);
        EnrichedStory unknown = EnrichedStory.newBuilder(withSource(Stories.aStory("u").build(), "Some Blog"))
                .setSourceRecord(io.wirestream.sources.SourceCatalogue.unknown("Some Blog")).build();
        assertThat(SourceTiers.tierOf(unknown)).isEqualTo(SourceTiers.OTHER);
    }

    private static EnrichedStory withSource(EnrichedStory s, String source) {
        return EnrichedStory.newBuilder(s).setSource(source).setAgency(null).build();
    }
}

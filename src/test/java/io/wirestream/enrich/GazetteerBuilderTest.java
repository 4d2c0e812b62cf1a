package io.wirestream.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The forms of a place's name the builder adds: the press's spelling where GeoNames keeps an older one. */
class GazetteerBuilderTest {

    /** The national system of 2010, as the agencies now spell Ukrainian places. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"Запоріжжя, Zaporizhzhia", "Миколаїв, Mykolaiv", "Одеса, Odesa", "Київ, Kyiv", "Харків, Kharkiv",
            "Сєвєродонецьк, Sievierodonetsk", "Куп'янськ, Kupiansk", "Ізюм, Izium", "Ужгород, Uzhhorod",
            "Єнакієве, Yenakiieve", "Яготин, Yahotyn", "Згурівка, Zghurivka", "Біла Церква, Bila Tserkva"})
    void ukrainianIsRomanisedByTheNationalSystem(String cyrillic, String latin) {
        assertEquals(latin, GazetteerBuilder.romaniseUkrainian(cyrillic));
    }

    @Test
    void aRespellingIsAtMostOneEditInFourLetters() {
        org.junit.jupiter.api.Assertions.assertTrue(GazetteerBuilder.respelling("Zaporizhzhia", "Zaporizhia"));
        org.junit.jupiter.api.Assertions.assertTrue(GazetteerBuilder.respelling("Odesa", "Odessa"));
        org.junit.jupiter.api.Assertions.assertTrue(GazetteerBuilder.respelling("Sievierodonetsk", "Syeverodonets'k"));
        org.junit.jupiter.api.Assertions.assertFalse(GazetteerBuilder.respelling("Nykolaev", "Mykolayiv"));
        org.junit.jupiter.api.Assertions.assertFalse(GazetteerBuilder.respelling("Zhdanov", "Mariupol"));
    }

    @Test
    void localFormsDropTheSoftSignAndReadTheUkrainianName() {
        assertEquals(Set.of("Kramatorsk"), GazetteerBuilder.localForms("Kramators’k", "Kramators'k", "UA",
                "Kramators'k,Kramatorsk,Краматорск,Краматорськ", 100_000), "the Russian form reads as the same (and no form twice)");
        assertEquals(Set.of("Zaporizhzhia"), GazetteerBuilder.localForms("Zaporizhia", "Zaporizhia", "UA",
                "Zaporizhzhia,Запоріжжя,Запорожье", 100_000), "the Russian form, read as Ukrainian, is no respelling of the name");
        assertEquals(Set.of(), GazetteerBuilder.localForms("Donetsk", "Donetsk", "UA", "Stalino,Сталіне,Юзівка", 900_000),
                "former names are other names: 'Staline' is how French copy writes Stalin");
        assertEquals(Set.of("Krasnyi Luch"), GazetteerBuilder.localForms("Krasnyy Luch", "Krasnyy Luch", "UA",
                "Красний Луч,Красный Луч", 100_000), "one with a letter Ukrainian lacks (ы, э, ъ, ё) is left out");
        assertEquals(Set.of(), GazetteerBuilder.localForms("Xi’an", "Xi'an", "CN", "Xian,西安", 100_000),
                "elsewhere an apostrophe is part of the name: no Ukrainian reading either");
        assertEquals(Set.of("Hanau"), GazetteerBuilder.localForms("Hanau am Main", "Hanau am Main", "DE", "", 88_648));
        assertEquals(Set.of("Halle"), GazetteerBuilder.localForms("Halle (Saale)", "Halle (Saale)", "DE", "", 238_762));
        assertEquals(Set.of(), GazetteerBuilder.localForms("Wetter (Ruhr)", "Wetter (Ruhr)", "DE", "", 27_000),
                "a small town's short name is too often a word: das Wetter");
        assertEquals(Set.of(), GazetteerBuilder.localForms("Zürich (Kreis 11)", "Zuerich (Kreis 11)", "CH", "", 70_000),
                "a numbered district is no river or region");
    }
}

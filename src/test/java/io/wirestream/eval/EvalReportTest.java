package io.wirestream.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalReportTest {

    @Test
    void taskAndNComeFirstKeysKeepTheirOrderDoublesAreRounded() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zeta", 0.123449);
        m.put("alpha", 2.0 / 3);
        m.put("count", 7L);
        m.put("half", 0.00005); // half-up at the 4th decimal
        assertThat(new EvalReport("demo", 3, m).toJson())
                .isEqualTo("{\"task\":\"demo\",\"n\":3,\"zeta\":0.1234,\"alpha\":0.6667,\"count\":7,\"half\":1.0E-4}");
    }

    @Test
    void nanIsRefusedRatherThanPrinted() {
        assertThatThrownBy(() -> new EvalReport("demo", 0, Map.of("x", Double.NaN)).toJson())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"x\"");
        assertThatThrownBy(() -> new EvalReport("demo", 0, Map.of("n", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fixturesReportNestsCountsByFormat() {
        FixtureMetrics f = new FixtureMetrics();
        f.file("nitf").parsed("nitf");
        f.file("NITF").parsed("nitf");
        f.file("anpa").deadLettered("anpa");
        f.file(null); // neither parsed nor dead-lettered: the gap shows
        FixtureMetrics.Result r = f.result();
        assertThat(r.n()).isEqualTo(4);
        assertThat(EvalReport.of("fixtures", r).toJson()).isEqualTo(
                "{\"task\":\"fixtures\",\"n\":4,\"files\":4,\"parsed\":2,\"dead_lettered\":1,\"by_format\":{"
                        + "\"anpa\":{\"files\":1,\"parsed\":0,\"dead_lettered\":1},"
                        + "\"nitf\":{\"files\":2,\"parsed\":2,\"dead_lettered\":0},"
                        + "\"unknown\":{\"files\":1,\"parsed\":0,\"dead_lettered\":0}}}");
        assertThat(EvalReport.of("fixtures", new FixtureMetrics().result()).toJson()).isEqualTo(
                "{\"task\":\"fixtures\",\"n\":0,\"files\":0,\"parsed\":0,\"dead_lettered\":0,\"by_format\":{}}");
    }
}

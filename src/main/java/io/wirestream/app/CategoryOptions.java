package io.wirestream.app;

import io.wirestream.classify.CategoryModel;
import io.wirestream.classify.DeskRules;
import io.wirestream.classify.MediaTopics;
import io.wirestream.runtime.FileErrors;
import io.wirestream.runtime.WirestreamConfig;
import io.wirestream.topology.WirestreamTopology;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** The category model and desk rules files of the commands that run the topology ({@code run}, {@code inspect}, {@code eval}). */
final class CategoryOptions {

    @Option(names = "--model", paramLabel = "MODEL", description = "Category model from `wirestream train` (default: the one in the jar).")
    Path model;

    @Option(names = "--rules", paramLabel = "FILE", description = "Desk category rules (YAML; see docs/design-notes.md), applied after the model.")
    Path rules;

    /**
     * The settings with these files, each read once here first: a missing or malformed file is one line
     * naming the option (and, for rules, the rule's number) before a broker or a pipeline starts, not a
     * stack trace from deep in the topology's construction, which reads them again.
     */
    WirestreamTopology.Settings applyTo(WirestreamTopology.Settings settings) {
        if (model != null) {
            check("--model", model + " is not a category model from `wirestream train`: ", () -> CategoryModel.load(model));
        }
        if (rules != null) {
            check("--rules", "", () -> DeskRules.load(rules, MediaTopics.bundled()));
        }
        return settings.withCategoryModel(model).withCategoryRules(rules);
    }

    /** Loads a file, turning what is wrong with it into one line; {@code malformed} leads a message that does not name the file. */
    private static void check(String option, String malformed, Supplier<?> load) {
        try {
            load.get();
        } catch (UncheckedIOException e) {
            throw new WirestreamConfig.ConfigException(option + ": " + e.getMessage() + ": " + FileErrors.reason(e.getCause()));
        } catch (IllegalArgumentException e) {
            // the rules' own checks, which name the file and the rule; a model's kind or number that does not parse
            throw new WirestreamConfig.ConfigException(option + ": " + malformed + e.getMessage());
        }
    }
}

package io.wirestream.app;

import io.wirestream.classify.CategoryModel;
import io.wirestream.classify.CategoryTrainer;
import io.wirestream.classify.CategoryTrainer.Labelled;
import io.wirestream.enrich.Gazetteer;
import io.wirestream.eval.CorpusReader;
import io.wirestream.eval.CorpusStory;
import io.wirestream.runtime.WirestreamConfig;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a category model.",
                "With --corpus: Naive Bayes on a newsroom's labelled archive (corpus JSONL with headline, body, topics);",
                "use it with --model on run, inspect and eval. --holdout keeps a share of the corpus out of training",
                "(chosen by a hash of the story id, so the split is the same every time) and writes it to --holdout-out.",
                "With --shipped: rebuilds the model and Media Topics table shipped in the jar, from what may ship only:",
                "the team's lexicon, UCI News Aggregator headlines (CC BY 4.0), ECB+ articles (CC BY 3.0) and the IPTC",
                "vocabulary (CC BY 4.0)."})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--corpus", paramLabel = "FILE", description = "Labelled archive to train on (corpus JSONL).")
    Path corpus;

    @Option(names = "--out", paramLabel = "MODEL", description = "Model file to write (with --corpus).")
    Path out;

    @Option(names = "--holdout", defaultValue = "0", description = "Share of the corpus kept out of training, 0 to 0.9 (default 0).")
    double holdout;

    @Option(names = "--holdout-out", paramLabel = "FILE", description = "Where the held-out stories go (corpus JSONL), to eval with --model.")
    Path holdoutOut;

    @Option(names = "--shipped", description = "Rebuild the shipped model and Media Topics table into --out-dir.")
    boolean shipped;

    @Option(names = "--lexicon", defaultValue = "src/main/resources/io/wirestream/classify/lexicon.tsv",
            description = "Team-written keyword lexicon (default ${DEFAULT-VALUE}).")
    Path lexicon;

    @Option(names = "--given-names", defaultValue = "src/main/resources/io/wirestream/classify/given-names.txt",
            description = "Team-written given names that, like country names, learn no topic in the shipped model (default ${DEFAULT-VALUE}).")
    Path givenNames;

    @Option(names = "--headlines", defaultValue = "../shared/data/corpora/clusters-uci.dev.jsonl",
            description = "Labelled open headlines (UCI News Aggregator, corpus JSONL; default ${DEFAULT-VALUE}).")
    Path headlines;

    @Option(names = "--articles", defaultValue = "../shared/data/corpora/clusters-ecb.dev.jsonl",
            description = "Unlabelled open articles the shipped model bootstraps from (ECB+, corpus JSONL; default ${DEFAULT-VALUE}).")
    Path articles;

    @Option(names = "--iptc", defaultValue = "../shared/data/iptc/mediatopics-en.tsv",
            description = "IPTC Media Topics table (default ${DEFAULT-VALUE}).")
    Path iptc;

    @Option(names = "--out-dir", defaultValue = "src/main/resources/io/wirestream/classify",
            description = "Where --shipped writes model.tsv and mediatopics.tsv (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Override
    public Integer call() throws Exception {
        if (shipped == (corpus != null)) {
            throw new WirestreamConfig.ConfigException("train: give either --corpus FILE --out MODEL or --shipped");
        }
        return shipped ? trainShipped() : trainOwn();
    }

    private int trainOwn() throws Exception {
        if (out == null) {
            throw new WirestreamConfig.ConfigException("train: --out MODEL is required with --corpus");
        }
        if (holdout < 0 || holdout > 0.9) {
            throw new WirestreamConfig.ConfigException("train: --holdout must be between 0 and 0.9");
        }
        requireFile("--corpus", corpus);
        List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
        List<Labelled> train = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            CorpusStory s = CorpusReader.parseLine(lines.get(i), corpus.toString(), i + 1);
            if (heldOut(s.id())) {
                held.add(lines.get(i));
            } else if (!s.topics().isEmpty()) {
                train.add(new Labelled(nz(s.headline()), nz(s.body()), s.topics()));
            }
        }
        CategoryModel model = CategoryTrainer.naiveBayes(train);
        model.write(out);
        if (holdoutOut != null) {
            Files.write(holdoutOut, held, StandardCharsets.UTF_8);
        }
        System.out.println("trained " + model.classes().size() + " classes on " + train.size() + " stories, held out "
                + held.size() + (holdoutOut != null ? " (" + holdoutOut + ")" : "") + " -> " + out);
        return 0;
    }

    /** Deterministic split by story id: the same stories are held out on every run and machine. */
    boolean heldOut(String id) {
        long h = 1125899906842597L;
        for (int i = 0; i < id.length(); i++) {
            h = 31 * h + id.charAt(i);
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return Math.floorMod(h, 10_000) < holdout * 10_000;
    }

    private int trainShipped() throws Exception {
        // the inputs default to paths relative to the repository: run from elsewhere they are missing, an operator's fix
        requireFile("--lexicon", lexicon);
        requireFile("--given-names", givenNames);
        requireFile("--headlines", headlines);
        requireFile("--articles", articles);
        requireFile("--iptc", iptc);
        Map<String, Set<String>> lex;
        try (BufferedReader in = Files.newBufferedReader(lexicon, StandardCharsets.UTF_8)) {
            lex = CategoryTrainer.readLexicon(in);
        }
        List<Labelled> uci = new ArrayList<>();
        try (var stories = CorpusReader.stream(headlines)) {
            stories.filter(s -> !s.topics().isEmpty() && s.headline() != null)
                    .forEach(s -> uci.add(new Labelled(s.headline(), "", s.topics())));
        }
        // bootstrapping texts: the articles and the same headlines without their labels, and the IPTC
        // concepts with theirs (CategoryTrainer.shipped says why)
        List<Labelled> texts = new ArrayList<>();
        try (var stories = CorpusReader.stream(articles)) {
            stories.forEach(s -> texts.add(new Labelled(nz(s.headline()), nz(s.body()), List.of())));
        }
        int articleCount = texts.size();
        uci.forEach(l -> texts.add(new Labelled(l.headline(), "", List.of())));
        List<Labelled> concepts = CategoryTrainer.iptcConcepts(Files.readAllLines(iptc, StandardCharsets.UTF_8));
        texts.addAll(concepts);
        Files.createDirectories(outDir);
        // names say where and who, not what: they learn no topic from the open texts' label sets
        Set<String> places = CategoryTrainer.nameTerms(Gazetteer.bundled().countryWords());
        Set<String> names;
        try (BufferedReader in = Files.newBufferedReader(givenNames, StandardCharsets.UTF_8)) {
            names = CategoryTrainer.nameTerms(CategoryTrainer.readNames(in));
        }
        Set<String> noEvidence = new java.util.TreeSet<>(places);
        noEvidence.addAll(names);
        CategoryModel model = CategoryTrainer.shipped(lex, uci, texts, noEvidence);
        model.write(outDir.resolve("model.tsv"));
        int topics = writeMediaTopics(outDir.resolve("mediatopics.tsv"));
        System.out.println("shipped model: " + lex.size() + " lexicon topics, " + uci.size() + " headlines, " + articleCount
                + " articles, " + concepts.size() + " IPTC concepts, " + places.size() + " country names and " + names.size()
                + " given names learning nothing; " + topics + " Media Topics -> " + outDir);
        return 0;
    }

    /** The derived vocabulary table: qcode, parent, English label, exactly matching Subject Code. */
    private int writeMediaTopics(Path file) throws Exception {
        List<String> rows = Files.readAllLines(iptc, StandardCharsets.UTF_8);
        Map<String, String> header = new HashMap<>();
        String[] h = rows.get(0).split("\t", -1);
        for (int i = 0; i < h.length; i++) {
            header.put(h[i], String.valueOf(i));
        }
        int q = col(header, "qcode");
        int parent = col(header, "parent_qcode");
        int label = col(header, "label_en");
        int subject = col(header, "subject_code_exact_match");
        int n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# Derived by `wirestream train --shipped` from IPTC NewsCodes Media Topics (CC BY 4.0, (c) IPTC,\n");
            w.write("# https://iptc.org/standards/newscodes/): qcode, parent qcode, English label, matching Subject Code.\n");
            for (String row : rows.subList(1, rows.size())) {
                String[] f = row.split("\t", -1);
                String subj = f[subject];
                subj = subj.isEmpty() ? "" : subj.substring(subj.lastIndexOf('/') + 1);
                w.write(f[q] + "\t" + f[parent] + "\t" + f[label].replace('\t', ' ') + "\t" + subj + "\n");
                n++;
            }
        }
        return n;
    }

    /** An input file, checked up front: a wrong path fails at once, naming the option, not midway with a trace. */
    private static void requireFile(String option, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new WirestreamConfig.ConfigException("train: " + option + ": no such file: " + file);
        }
    }

    private static int col(Map<String, String> header, String name) {
        String i = header.get(name);
        if (i == null) {
            throw new WirestreamConfig.ConfigException("train: the IPTC table has no column " + name);
        }
        return Integer.parseInt(i);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

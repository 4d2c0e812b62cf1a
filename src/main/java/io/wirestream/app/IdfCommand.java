package io.wirestream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.sameness.IdfTable;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "idf", mixinStandardHelpOptions = true,
        description = {"Builds the term document-frequency table the cluster stage weighs terms with.",
                "Reads corpora in the story-corpus format (one JSON story per line, headline and body) and",
                "writes the table; the bundled one was built from openly licensed corpora (NOTICE):",
                "  wirestream idf --corpus ../shared/data/corpora/clusters-uci.dev.jsonl \\",
                "      --corpus ../shared/data/corpora/clusters-ecb.dev.jsonl --out src/main/resources/io/wirestream/sameness/idf.tsv"})
final class IdfCommand implements Callable<Integer> {

    @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "A JSONL story corpus (repeatable).")
    List<Path> corpora;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the table (TSV).")
    Path out;

    @Option(names = "--min-df", defaultValue = "2", description = "Leave out terms in fewer documents (default 2): rarer ones count as unknown, i.e. rare.")
    int minDf;

    @Override
    public Integer call() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> documents = new ArrayList<>();
        for (Path corpus : corpora) {
            try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode n = json.readTree(line);
                    documents.add(n.path("headline").asText("") + "\n" + n.path("body").asText(""));
                }
            }
        }
        IdfTable table = IdfTable.build(documents);
        table.write(out, minDf);
        System.out.printf("wrote %s: %d documents from %d corpora%n", out, table.documents(), corpora.size());
        return 0;
    }
}

package io.wirestream.app;

import io.wirestream.runtime.WirestreamConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.formats.WireFormat;
import io.wirestream.ingest.RawItems;
import io.wirestream.topology.InMemoryPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"What would the pipeline do with this file? Prints each resulting record as JSON.",
                "Runs wire files through the real topology in memory (no broker) and prints every resulting",
                "enriched story, duplicate, alert or dead letter as one JSON line."})
final class InspectCommand implements Callable<Integer> {

    /** Topic names and topology settings only: inspect runs in memory, so no broker option applies. */
    @Mixin
    WirestreamCli.ConfigOptions settings;

    @Mixin
    CategoryOptions categories;

    @Option(names = {"-s", "--source"}, defaultValue = "inspect", description = "Source id to give the items (default inspect).")
    String source;

    @Option(names = {"-f", "--format"}, defaultValue = WireFormat.AUTO, description = "Declared format: auto (detect by content), ninjs, newsml-g2, nitf, newsml-1.2, ritzau, anpa, iptc7901, rss, atom, plain.")
    String format;

    @Option(names = "--pretty", description = "Indented JSON instead of one line per record.")
    boolean pretty;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Wire files or folders, processed in the order given.")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        ObjectMapper json = new ObjectMapper();
        if (pretty) {
            json.enable(SerializationFeature.INDENT_OUTPUT);
        }
        if (!WireFormat.AUTO.equals(format) && WireFormat.fromId(format).isEmpty()) {
            throw new WirestreamConfig.ConfigException("unknown --format '" + format + "'");
        }
        WirestreamConfig config = settings.config();
        try (InMemoryPipeline pipeline = new InMemoryPipeline(config.topics(), categories.applyTo(config.topology()))) {
            for (Path path : files) {
                if (!Files.exists(path)) {
                    throw new WirestreamConfig.ConfigException("no such file or folder: " + path);
                }
                for (RawItems.FileItem item : RawItems.itemsUnder(path)) {
                    Path f = item.file();
                    Instant now = Instant.now();
                    RawItems.Captured c = RawItems.fromFile(f, item.itemId(), source, format, now);
                    for (InMemoryPipeline.Output o : pipeline.process(c.key(), c.item(), now)) {
                        ObjectNode line = json.createObjectNode();
                        line.put("file", f.toString());
                        line.put("topic", o.topic());
                        line.put("key", o.key());
                        line.set("value", TailCommand.value(o.value()));
                        System.out.println(json.writeValueAsString(line));
                    }
                }
            }
        }
        return 0;
    }
}

package io.wirestream.app;

import io.wirestream.formats.WireFormat;
import io.wirestream.ingest.RawItems;
import io.wirestream.ingest.WireProducer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Publish wire files, folders (recursively) or stdin ('-') to wire.raw, untouched.")
final class ProduceCommand implements Callable<Integer> {

    @Mixin
    WirestreamCli.ConnectionOptions connection;

    @Option(names = {"-s", "--source"}, required = true, description = "Source id, e.g. reuters, pti, ap.")
    String source;

    @Option(names = {"-f", "--format"}, defaultValue = WireFormat.AUTO,
            description = "Declared format: auto (detect by content), ninjs, newsml-g2, nitf, newsml-1.2, anpa, iptc7901, rss, atom, plain.")
    String format;

    @Option(names = "--content-type", description = "Declared media type and charset, e.g. 'text/plain; charset=ISO-8859-1'.")
    String contentType;

    @Option(names = "--id", description = "Item id for stdin input (default: stdin-<time>).")
    String stdinId;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders; '-' reads one item from stdin.")
    List<String> paths;

    @Override
    public Integer call() throws Exception {
        if (!WireFormat.AUTO.equals(format) && WireFormat.fromId(format).isEmpty()) {
            throw new WirestreamConfig.ConfigException("unknown --format '" + format + "'");
        }
        WirestreamConfig config = connection.config();
        List<RawItems.Captured> items = capture();
        try (KafkaRuntime kafka = KafkaRuntime.connect(config)) {
            kafka.ensureTopics(config.topics(), config.partitions());
            try (WireProducer producer = new WireProducer(kafka.clientProps(), config.topics().raw())) {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                Progress progress = new Progress("produce", items.size());
                for (RawItems.Captured c : items) {
                    sent.add(producer.send(c));
                    progress.step();
                }
                producer.flush();
                for (Future<RecordMetadata> f : sent) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        System.err.println("failed to publish: " + e.getCause().getMessage());
                        return 1;
                    }
                }
                progress.done();
                System.out.println("published " + items.size() + " item(s) from source '" + source + "' to "
                        + config.topics().raw() + " at " + kafka.bootstrapServers());
            }
        }
        return 0;
    }

    private List<RawItems.Captured> capture() throws IOException {
        List<RawItems.Captured> out = new ArrayList<>();
        for (String p : paths) {
            if (p.equals("-")) {
                Instant now = Instant.now();
                String id = stdinId != null ? stdinId : "stdin-" + now.toEpochMilli();
                out.add(RawItems.of(source, format, id, "stdin", System.in.readAllBytes(), now, contentType));
                continue;
            }
            Path path = Path.of(p);
            if (!Files.exists(path)) {
                throw new WirestreamConfig.ConfigException("no such file or folder: " + p);
            }
            for (Path f : RawItems.filesUnder(path)) {
                RawItems.Captured c = RawItems.fromFile(f, source, format, Instant.now());
                c.item().setContentType(contentType);
                out.add(c);
            }
        }
        return out;
    }
}

package io.wirestream.app;

import io.wirestream.desk.DeskPage;
import io.wirestream.runtime.KafkaRuntime;
import io.wirestream.topology.Topics;
import picocli.CommandLine.Option;

/** The desk page of {@code run} and {@code demo}: live alerts in a browser. */
final class DeskOptions {

    @Option(names = "--desk-port", description = "Serve the desk page (live alerts for editors, in a browser) on this port "
            + "(default: off).")
    Integer deskPort;

    /** The page started, or null when not asked for; a port taken is one line naming the option. */
    DeskPage start(KafkaRuntime kafka, Topics topics) throws java.io.IOException {
        if (deskPort == null) {
            return null;
        }
        try {
            DeskPage page = DeskPage.start(kafka.clientProps(), topics, deskPort);
            System.err.println("desk page at http://127.0.0.1:" + page.port() + "/ (listening on all interfaces)");
            return page;
        } catch (java.net.BindException e) {
            throw WirestreamCli.cannotListen("--desk-port", "0.0.0.0", deskPort, e);
        }
    }
}

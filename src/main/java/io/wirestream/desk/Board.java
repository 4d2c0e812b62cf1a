package io.wirestream.desk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;

/** Rows the desk page draws, one per cluster, as JSON: what the server sends and streams. */
interface Board {

    /** The rows now, the most recent first. */
    List<ObjectNode> snapshot();

    /** Calls {@code listener} with every row that changes from now on; returns what removes it. */
    Runnable listen(Consumer<ObjectNode> listener);
}

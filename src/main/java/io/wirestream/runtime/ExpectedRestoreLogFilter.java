package io.wirestream.runtime;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * A logback filter (logback.xml) for what Kafka Streams logs when, after a crash under exactly-once,
 * it does not trust the local copy of a store and rebuilds it from its changelog: a WARN per store
 * and task, an ERROR and a WARN per task with a TaskCorruptedException stack trace. That is the
 * expected recovery, not an error: {@link RestoreLog} logs each restore at INFO with its size and
 * duration instead (a filter cannot log itself: logback drops an event logged from inside an appender). A TaskCorruptedException in any other message still shows.
 */
public final class ExpectedRestoreLogFilter extends Filter<ILoggingEvent> {

    private static final String INTERNALS = "org.apache.kafka.streams.processor.internals.";
    private static final String CORRUPTED = "org.apache.kafka.streams.errors.TaskCorruptedException";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (!event.getLoggerName().startsWith(INTERNALS)) {
            return FilterReply.NEUTRAL;
        }
        String message = event.getFormattedMessage();
        if (message == null) {
            return FilterReply.NEUTRAL;
        }
        if (message.contains("Detected the states of tasks")
                || message.contains("did not find checkpoint offsets while stores are not empty")
                || (message.contains("Encounter corrupted task") && isCorrupted(event.getThrowableProxy()))
                || (message.startsWith(prefixOf(message) + "Get exceptions for the following tasks")
                        && message.contains("TaskCorruptedException") && !hasOtherException(message))) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    private static boolean isCorrupted(IThrowableProxy t) {
        return t != null && CORRUPTED.equals(t.getClassName());
    }

    /** "stream-thread [x] " before the message proper. */
    private static String prefixOf(String message) {
        int i = message.indexOf("] ");
        return message.startsWith("stream-thread [") && i > 0 ? message.substring(0, i + 2) : "";
    }

    /** True when the task exception map names an exception other than TaskCorruptedException. */
    private static boolean hasOtherException(String message) {
        return message.replace(CORRUPTED, "").matches("(?s).*\\b[a-z]+(\\.[a-z0-9]+)+\\.[A-Z]\\w*(Exception|Error)\\b.*");
    }
}

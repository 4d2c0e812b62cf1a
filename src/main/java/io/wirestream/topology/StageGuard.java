package io.wirestream.topology;

import java.util.Set;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.ProcessorWrapper;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.WrappedFixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.WrappedProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Turns a stack overflow inside any stage into an exception that belongs to the record being processed.
 *
 * <p>Kafka Streams hands a processor's <em>exceptions</em> to the processing exception handler (log, dead
 * letter, go on), but an {@link Error} passes it by and kills the stream thread. The runtime replaces the
 * thread, which reads the same record again and dies again: one story that sends a regular expression or a
 * recursive walk too deep would stall its partition for good. A stack overflow is the one error that one
 * record causes and the next record does not share, so it alone is converted; an {@link OutOfMemoryError} or a
 * linkage error is the JVM's, and stays fatal. The parse stage catches its own and writes a dead letter with
 * the wire's bytes; this guard is for every stage after it (set as {@code processor.wrapper.class} by
 * {@link WirestreamTopology}).
 */
public final class StageGuard implements ProcessorWrapper {

    /** A stack overflow in the named stage, as an exception the processing exception handler takes. */
    public static final class StageOverflow extends RuntimeException {
        /** Frames of the overflow kept for the log: enough to show what recursed, not a thousand lines of it. */
        private static final int KEPT_FRAMES = 24;

        StageOverflow(String stage, StackOverflowError cause) {
            super("stack overflow in stage " + stage, cause);
            StackTraceElement[] trace = cause.getStackTrace();
            if (trace.length > KEPT_FRAMES) {
                cause.setStackTrace(java.util.Arrays.copyOf(trace, KEPT_FRAMES));
            }
        }
    }

    @Override
    public <KIn, VIn, KOut, VOut> WrappedProcessorSupplier<KIn, VIn, KOut, VOut> wrapProcessorSupplier(
            String stage, ProcessorSupplier<KIn, VIn, KOut, VOut> supplier) {
        return new WrappedProcessorSupplier<>() {
            @Override
            public Processor<KIn, VIn, KOut, VOut> get() {
                return new Guarded<>(stage, supplier.get());
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return supplier.stores();
            }
        };
    }

    @Override
    public <KIn, VIn, VOut> WrappedFixedKeyProcessorSupplier<KIn, VIn, VOut> wrapFixedKeyProcessorSupplier(
            String stage, FixedKeyProcessorSupplier<KIn, VIn, VOut> supplier) {
        return new WrappedFixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<KIn, VIn, VOut> get() {
                return new GuardedFixedKey<>(stage, supplier.get());
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return supplier.stores();
            }
        };
    }

    private static void guard(String stage, Runnable step) {
        try {
            step.run();
        } catch (StackOverflowError e) {
            throw new StageOverflow(stage, e);
        }
    }

    private record Guarded<KIn, VIn, KOut, VOut>(String stage, Processor<KIn, VIn, KOut, VOut> inner)
            implements Processor<KIn, VIn, KOut, VOut> {
        @Override
        public void init(ProcessorContext<KOut, VOut> context) {
            inner.init(context);
        }

        @Override
        public void process(Record<KIn, VIn> record) {
            guard(stage, () -> inner.process(record));
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private record GuardedFixedKey<KIn, VIn, VOut>(String stage, FixedKeyProcessor<KIn, VIn, VOut> inner)
            implements FixedKeyProcessor<KIn, VIn, VOut> {
        @Override
        public void init(FixedKeyProcessorContext<KIn, VOut> context) {
            inner.init(context);
        }

        @Override
        public void process(FixedKeyRecord<KIn, VIn> record) {
            guard(stage, () -> inner.process(record));
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}

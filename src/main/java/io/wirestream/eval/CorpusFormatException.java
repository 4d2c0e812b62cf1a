package io.wirestream.eval;

/**
 * A corpus line that is not a valid story: bad JSON, a missing id, a field of the wrong type or an
 * unreadable time. Carries the file and line so the person running an evaluation can fix the corpus.
 */
public final class CorpusFormatException extends RuntimeException {

    private final String file;
    private final long line;

    public CorpusFormatException(String file, long line, String message, Throwable cause) {
        super(file + ":" + line + ": " + message, cause);
        this.file = file;
        this.line = line;
    }

    /** The corpus file name as given to the reader. */
    public String file() {
        return file;
    }

    /** The 1-based line number of the bad line. */
    public long line() {
        return line;
    }
}

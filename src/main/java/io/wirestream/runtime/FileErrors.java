package io.wirestream.runtime;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * A file that cannot be found, opened or written, in the words an operator acts on. Java names such
 * failures by the path alone ({@code NoSuchFileException: /x}), which says nothing once the exception's
 * class is gone from the message.
 */
public final class FileErrors {

    private FileErrors() {
    }

    /**
     * "no such file or folder: /x", "permission denied: /x", or, for an {@link UncheckedIOException}
     * that says what was being read, "cannot read breaking phrases /x: no such file or folder"; null when
     * {@code e} is not about a file (a parse error, a bug), so the caller can treat it as such.
     */
    public static String describe(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null && describe(u.getCause()) != null) {
            // new UncheckedIOException(cause) takes the cause's toString as its message: nothing said beyond the cause
            boolean ownWords = u.getMessage() != null && !u.getMessage().equals(u.getCause().toString());
            return ownWords ? u.getMessage() + ": " + reason(u.getCause()) : describe(u.getCause());
        }
        if (e instanceof NoSuchFileException f) {
            return "no such file or folder: " + f.getFile();
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (e instanceof NotDirectoryException f) {
            return "not a folder: " + f.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getMessage(); // "/x: Read-only file system"
        }
        if (e instanceof FileNotFoundException f && f.getMessage() != null) {
            return "cannot open " + f.getMessage(); // its message is "/x (No such file or directory)"
        }
        return null;
    }

    /** Why {@code e} happened, for a message that names the file already: "no such file or folder", or its message. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        if (e instanceof FileNotFoundException && m != null && m.endsWith(")") && m.lastIndexOf(" (") > 0) {
            return m.substring(m.lastIndexOf(" (") + 2, m.length() - 1);
        }
        return m != null ? m : e.toString();
    }
}

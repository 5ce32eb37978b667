package io.lookaside.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file all at once or not at all: the content goes to a temporary file in the target's
 * directory, is forced to disk, and is renamed over the target with {@code ATOMIC_MOVE}; readers
 * see the old file or the new one, never half of it. On any failure the temporary file is
 * removed and the target is left as it was. A new file gets the mode the user's umask gives any
 * new file (0644 under umask 022), as a shell redirection would; a replaced file keeps its mode.
 */
public final class OutputFile {
    /** Writes the content to a stream it must not close. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Why an output was not written, in one line for the user. */
    public static final class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        public RefusedException(String message) {
            super(message);
        }
    }

    private OutputFile() {
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param force replace an existing file; without it an existing target is refused
     * @throws RefusedException the target exists (without force), is a directory, or cannot be written
     */
    public static void write(Path target, boolean force, Content content) throws RefusedException {
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new RefusedException(target + ": is a directory");
        }
        if (!force && Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedException(target + ": exists (use --force to overwrite)");
        }
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new RefusedException(target + ": no such directory " + dir);
        }
        Path tmp = null;
        try {
            tmp = newTemporary(dir, abs.getFileName().toString());
            keepMode(abs, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            if (!force && Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (FileAlreadyExistsException e) {
            throw new RefusedException(target + ": exists (use --force to overwrite)");
        } catch (AtomicMoveNotSupportedException e) {
            throw new RefusedException(target + ": cannot be replaced atomically on this file system");
        } catch (IOException e) {
            throw new RefusedException(target + ": cannot write: " + describe(e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The temporary file stays behind under a dot-name; the target is untouched either way.
                }
            }
        }
    }

    /**
     * A new, empty temporary file beside the target. Created without explicit permissions, so the
     * operating system applies the process's umask to 0666 (Files.createTempFile would make it 0600).
     */
    private static Path newTemporary(Path dir, String name) throws IOException {
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve("." + name + "." + Long.toUnsignedString(random.nextLong(), 36) + ".tmp");
            try {
                Files.newByteChannel(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return p;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /** The replaced file's permissions on its replacement (--force keeps a 0644 file 0644). */
    private static void keepMode(Path target, Path tmp) throws IOException {
        if (!Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                || !Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the umask's default stands.
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}

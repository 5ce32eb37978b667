package io.lookaside.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
    @TempDir
    Path dir;

    private Path gzip(int bytes) throws IOException {
        Path p = dir.resolve("x.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(new byte[bytes]);
        }
        return p;
    }

    @Test
    void openStopsAGzipStreamAtTheDecompressionBound() throws Exception {
        Path p = gzip(10_000);

        try (InputStream in = InputFiles.open(p, 4096)) {
            assertThat(in.readNBytes(4096)).hasSize(4096);
            assertThatThrownBy(in::read).isInstanceOf(IOException.class)
                    .hasMessageContaining("decompresses to more than 4096 bytes");
        }
    }

    @Test
    void openReadsAGzipStreamOfExactlyTheBound() throws Exception {
        try (InputStream in = InputFiles.open(gzip(4096), 4096)) {
            assertThat(in.readAllBytes()).hasSize(4096);
        }
    }
}

package io.lookaside.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.app.dock.DockLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchPrefsTest {
    @TempDir
    Path dir;

    @Test
    void whatIsSavedComesBackInANewInstance() {
        WorkbenchPrefs p = WorkbenchPrefs.in(dir);
        p.setWindow(new Rectangle2D(40, 30, 1100, 700), false);
        p.addRecentFile(Path.of("/captures/a.pcap"));
        p.addRecentFile(Path.of("/captures/b.pcap"));
        p.addRecentFile(Path.of("/captures/a.pcap"));
        p.addRecentFilter("type == Twalk");
        DockLayout layout = DockLayout.Split.vertical(0.4, DockLayout.Stack.of("messages"), DockLayout.Stack.of("bytes"));
        p.setLayout("analyze", layout);
        p.save();

        WorkbenchPrefs q = WorkbenchPrefs.in(dir);
        assertThat(q.windowBounds()).isEqualTo(new Rectangle2D(40, 30, 1100, 700));
        assertThat(q.recentFiles()).containsExactly(Path.of("/captures/a.pcap"), Path.of("/captures/b.pcap"));
        assertThat(q.recentFilters()).containsExactly("type == Twalk");
        assertThat(q.layout("analyze")).isEqualTo(layout);
    }

    @Test
    void recentFilesKeepTheNewestTen() {
        WorkbenchPrefs p = WorkbenchPrefs.in(dir);
        for (int k = 0; k < 15; k++) {
            p.addRecentFile(Path.of("/c/" + k + ".pcap"));
        }
        assertThat(p.recentFiles()).hasSize(WorkbenchPrefs.RECENT_FILES).first().isEqualTo(Path.of("/c/14.pcap"));
    }

    @Test
    void anUnreadableFileIsAFirstStartAndIsReplacedOnSave() throws Exception {
        Files.writeString(dir.resolve(WorkbenchPrefs.FILE_NAME), "{ not json");
        WorkbenchPrefs p = WorkbenchPrefs.in(dir);
        assertThat(p.windowBounds()).isNull();
        assertThat(p.layout("analyze")).isNull();
        p.addRecentFilter("fid == 3");
        p.save();
        assertThat(WorkbenchPrefs.in(dir).recentFilters()).containsExactly("fid == 3");
    }

    @Test
    void theConfigDirectoryFollowsXdg() {
        assertThat(WorkbenchPrefs.configDir(Map.of("XDG_CONFIG_HOME", "/x/config"))).isEqualTo(Path.of("/x/config/lookaside"));
        assertThat(WorkbenchPrefs.configDir(Map.of("XDG_CONFIG_HOME", "relative")))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".config", "lookaside"));
        assertThat(WorkbenchPrefs.configDir(Map.of())).isEqualTo(Path.of(System.getProperty("user.home"), ".config", "lookaside"));
    }

    @Test
    void windowBoundsAreClampedToTheScreensThereAre() {
        Rectangle2D screen = new Rectangle2D(0, 0, 1600, 1000);
        Rectangle2D second = new Rectangle2D(1600, 0, 1280, 800);
        // Saved on a monitor that is gone: centred on the primary one.
        Rectangle2D gone = WindowPlacement.clamp(new Rectangle2D(4000, 100, 1100, 700), List.of(screen), screen);
        assertThat(gone).isEqualTo(new Rectangle2D(250, 150, 1100, 700));
        // Larger than the screen it is on: made to fit it.
        Rectangle2D big = WindowPlacement.clamp(new Rectangle2D(1700, 50, 2000, 1200), List.of(screen, second), screen);
        assertThat(big).isEqualTo(new Rectangle2D(1600, 0, 1280, 800));
        // Nothing saved: the default size, centred.
        assertThat(WindowPlacement.clamp(null, List.of(screen), screen)).isEqualTo(new Rectangle2D(100, 50, 1400, 900));
        // Half off the edge: moved in.
        assertThat(WindowPlacement.clamp(new Rectangle2D(1000, 600, 1100, 700), List.of(screen), screen))
                .isEqualTo(new Rectangle2D(500, 300, 1100, 700));
    }
}

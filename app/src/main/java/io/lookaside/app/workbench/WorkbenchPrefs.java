package io.lookaside.app.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookaside.app.dock.DockLayout;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Rectangle2D;

/**
 * What the workbench remembers for its user, in one small JSON file,
 * {@code $XDG_CONFIG_HOME/lookaside/workbench.json} ({@code ~/.config/lookaside} without it):
 * the window's bounds, the layout of each perspective, the recent files and the last display
 * filters. A missing or unreadable file is a first start, never an error; a file that cannot be
 * written is logged and forgotten (preferences must never stop the workbench).
 */
public final class WorkbenchPrefs {
    static final String FILE_NAME = "workbench.json";
    static final int RECENT_FILES = 10;
    static final int RECENT_FILTERS = 10;
    private static final System.Logger LOG = System.getLogger(WorkbenchPrefs.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Null: kept in memory only (the tests that do not test preferences, a broken config dir). */
    private final Path file;
    private final ObjectNode root;

    private WorkbenchPrefs(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    /** The user's preferences, in the XDG config directory. */
    public static WorkbenchPrefs forUser() {
        return in(configDir(System.getenv()));
    }

    /** Preferences kept in memory only, never read or written. */
    public static WorkbenchPrefs inMemory() {
        return new WorkbenchPrefs(null, JSON.createObjectNode());
    }

    /** {@code $XDG_CONFIG_HOME/lookaside}, or {@code ~/.config/lookaside} when it is unset or not absolute (the XDG rule). */
    static Path configDir(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("lookaside");
    }

    /** The preferences in {@code dir}/workbench.json; a file that does not parse is replaced on the next save. */
    public static WorkbenchPrefs in(Path dir) {
        Path f = dir.resolve(FILE_NAME);
        ObjectNode root = JSON.createObjectNode();
        if (Files.isRegularFile(f)) {
            try {
                JsonNode n = JSON.readTree(f.toFile());
                if (n instanceof ObjectNode o) {
                    root = o;
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring unreadable preferences " + f + ": " + e.getMessage());
            }
        }
        return new WorkbenchPrefs(f, root);
    }

    /** The window's last bounds (not yet clamped to the screens), or null. */
    public Rectangle2D windowBounds() {
        JsonNode w = root.path("window");
        if (!w.path("width").isNumber() || !w.path("height").isNumber()) {
            return null;
        }
        return new Rectangle2D(w.path("x").asDouble(0), w.path("y").asDouble(0), w.get("width").asDouble(), w.get("height").asDouble());
    }

    public boolean windowMaximised() {
        return root.path("window").path("maximised").asBoolean(false);
    }

    public void setWindow(Rectangle2D bounds, boolean maximised) {
        ObjectNode w = root.putObject("window");
        w.put("x", Math.round(bounds.getMinX()));
        w.put("y", Math.round(bounds.getMinY()));
        w.put("width", Math.round(bounds.getWidth()));
        w.put("height", Math.round(bounds.getHeight()));
        w.put("maximised", maximised);
    }

    /** The layout saved for {@code perspective}, or null (none saved, or one this version cannot read). */
    public DockLayout layout(String perspective) {
        JsonNode l = root.path("layouts").get(perspective);
        if (l == null) {
            return null;
        }
        try {
            return DockLayout.fromJson(l);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring the saved layout of " + perspective + ": " + e.getMessage());
            return null;
        }
    }

    public void setLayout(String perspective, DockLayout layout) {
        ObjectNode layouts = root.path("layouts") instanceof ObjectNode o ? o : root.putObject("layouts");
        if (layout == null) {
            layouts.remove(perspective);
        } else {
            layouts.set(perspective, layout.toJson());
        }
    }

    /** The files opened last, the newest first. */
    public List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        root.path("recentFiles").forEach(n -> {
            if (n.isTextual() && !n.asText().isBlank()) {
                out.add(Path.of(n.asText()));
            }
        });
        return out;
    }

    public void addRecentFile(Path file) {
        String p = file.toAbsolutePath().normalize().toString();
        root.set("recentFiles", newestFirst(root.path("recentFiles"), p, RECENT_FILES));
    }

    /** The display filters applied last, the newest first. */
    public List<String> recentFilters() {
        List<String> out = new ArrayList<>();
        root.path("recentFilters").forEach(n -> out.add(n.asText()));
        return out;
    }

    public void addRecentFilter(String filter) {
        if (filter != null && !filter.isBlank()) {
            root.set("recentFilters", newestFirst(root.path("recentFilters"), filter.strip(), RECENT_FILTERS));
        }
    }

    private static ArrayNode newestFirst(JsonNode old, String first, int max) {
        ArrayNode out = JSON.createArrayNode().add(first);
        for (JsonNode n : old) {
            if (out.size() < max && n.isTextual() && !n.asText().equals(first)) {
                out.add(n.asText());
            }
        }
        return out;
    }

    /** Writes the file atomically (a complete file or the old one). Failures are logged, never thrown. */
    public void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                JSON.writeValue(tmp.toFile(), root);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot save the preferences to " + file + ": " + e.getMessage());
        }
    }

    /** The file these preferences live in, or null when they are kept in memory. */
    public Path file() {
        return file;
    }
}

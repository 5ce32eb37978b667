package io.lookaside.app.live;

import io.lookaside.app.workbench.TaskRunner;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.live.BpfCheck;
import io.lookaside.capture.live.CaptureInterface;
import io.lookaside.capture.live.CaptureInterfaces;
import io.lookaside.capture.live.PcapLiveSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Capture › Start… dialog's state: every capturable interface with its traffic (polled once
 * a second, off the FX thread, from the kernel's counters: no privilege, no capture), the BPF
 * filter checked as it is typed (compiled by libpcap for the chosen interface's link type), the
 * stop conditions, the output file and the ring. {@link #problemProperty()} says in words what
 * keeps the capture from starting; {@link #request()} is what Start asks for.
 */
public final class CaptureDialogViewModel {
    static final String LIST_TASK = "live.interfaces";
    static final String RATES_TASK = "live.rates";
    static final String CHECK_TASK = "live.filter";
    /** The sparklines move once a second, as Wireshark's do. */
    static final Duration POLL_EVERY = Duration.ofSeconds(1);
    /** Typing pauses this long before the filter is compiled. */
    static final Duration TYPING_PAUSE = Duration.ofMillis(150);

    private final TaskRunner runner;
    private final ObservableList<InterfaceRow> interfaces = FXCollections.observableArrayList();
    private final ObjectProperty<InterfaceRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty seconds = new SimpleStringProperty(this, "seconds", "");
    private final StringProperty messages = new SimpleStringProperty(this, "messages", "");
    private final StringProperty output = new SimpleStringProperty(this, "output", "");
    private final BooleanProperty overwrite = new SimpleBooleanProperty(this, "overwrite");
    private final StringProperty ringFiles = new SimpleStringProperty(this, "ringFiles", "");
    private final StringProperty ringSizeMb = new SimpleStringProperty(this, "ringSizeMb", "");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError", "");
    private final ReadOnlyStringWrapper filterChecked = new ReadOnlyStringWrapper(this, "filterChecked");
    private final ReadOnlyStringWrapper listError = new ReadOnlyStringWrapper(this, "listError", "");
    private final StringBinding problem;
    private final Timeline poll = new Timeline();
    /** The filter text is the default for the port and link type, not something the user typed. */
    private boolean filterIsDefault = true;
    private boolean settingDefault;
    private Path defaultOutput;
    /** The directory of default outputs, made once per dialog. */
    private Path outputDir;

    public CaptureDialogViewModel(TaskRunner runner) {
        this.runner = runner;
        filter.addListener((o, was, now) -> {
            if (!settingDefault) {
                filterIsDefault = false;
            }
            check();
        });
        port.addListener((o, was, now) -> defaultFilter());
        output.addListener((o, was, now) -> overwrite.set(false)); // a new name was not asked about
        selected.addListener((o, was, now) -> {
            defaultFilter();
            check(); // the same text compiles differently for another link type
            if (defaultOutput != null && output.get().equals(defaultOutput.toString()) && now != null) {
                defaultOutput = newOutput(now.name());
                output.set(defaultOutput.toString());
            }
        });
        poll.getKeyFrames().add(new KeyFrame(javafx.util.Duration.millis(POLL_EVERY.toMillis()), e -> pollRates()));
        poll.setCycleCount(Animation.INDEFINITE);
        problem = Bindings.createStringBinding(this::findProblem, selected, filterError, filterChecked, filter, port,
                seconds, messages, output, ringFiles, ringSizeMb, listError);
    }

    /** Lists the interfaces again (off the FX thread) and starts polling their traffic. */
    public void open() {
        if (output.get().isBlank()) {
            defaultOutput = newOutput(selected.get() == null ? "capture" : selected.get().name());
            output.set(defaultOutput.toString());
        }
        runner.task(LIST_TASK, ctx -> CaptureInterfaces.list())
                .onSuccess(this::listed)
                .onFailure(e -> listError.set(e instanceof CaptureException ? e.getMessage()
                        : "cannot list interfaces (" + e.getClass().getSimpleName() + ")"))
                .start();
        poll.play();
    }

    /** Stops polling (the dialog closed). */
    public void close() {
        poll.stop();
        runner.cancel(RATES_TASK);
    }

    private void listed(List<CaptureInterface> found) {
        listError.set(found.isEmpty() ? "libpcap lists no interface this user may capture on" : "");
        String was = selected.get() == null ? null : selected.get().name();
        interfaces.setAll(found.stream().map(InterfaceRow::new).toList());
        // Keep the choice; else loopback, where a local 9P server is, as a start.
        InterfaceRow pick = interfaces.stream().filter(r -> r.name().equals(was)).findFirst()
                .or(() -> interfaces.stream().filter(r -> r.info().loopback()).findFirst())
                .orElse(interfaces.isEmpty() ? null : interfaces.get(0));
        selected.set(pick);
        pollRates();
    }

    /** Reads every interface's packet counter off the FX thread; the rows take the readings on it. */
    private void pollRates() {
        List<InterfaceRow> rows = List.copyOf(interfaces);
        if (rows.isEmpty()) {
            return;
        }
        List<String> names = rows.stream().map(InterfaceRow::name).toList();
        runner.task(RATES_TASK, ctx -> {
            long[] counts = new long[names.size()];
            for (int k = 0; k < counts.length && !ctx.cancelled(); k++) {
                counts[k] = CaptureInterfaces.packets(names.get(k));
            }
            return new Reading(counts, System.nanoTime());
        }).onSuccess(r -> {
            for (int k = 0; k < rows.size(); k++) {
                rows.get(k).sample(r.packets()[k], r.nanos());
            }
        }).start();
    }

    private record Reading(long[] packets, long nanos) {
    }

    /** The default filter follows the port and the link type until the user types one. */
    private void defaultFilter() {
        if (!filterIsDefault) {
            return;
        }
        settingDefault = true;
        try {
            filter.set(PcapLiveSource.defaultFilter(Math.max(0, parsePort()), linkType()));
        } finally {
            settingDefault = false;
        }
    }

    private int linkType() {
        return selected.get() == null ? -1 : selected.get().info().linkType();
    }

    /** Compiles the filter for the chosen link type off the FX thread, once typing pauses. */
    private void check() {
        String text = filter.get();
        int dlt = linkType();
        filterChecked.set(null);
        runner.task(CHECK_TASK, ctx -> {
            String error = BpfCheck.check(text, dlt);
            return error == null ? "" : error;
        }).debounce(TYPING_PAUSE).onSuccess(error -> {
            filterError.set(error);
            filterChecked.set(text);
        }).start();
    }

    /** What keeps Start from starting, in words; empty when nothing does. */
    private String findProblem() {
        if (!listError.get().isEmpty()) {
            return listError.get();
        }
        if (selected.get() == null) {
            return "Choose an interface.";
        }
        if (filterChecked.get() == null || !filterChecked.get().equals(filter.get())) {
            return "Checking the filter …";
        }
        if (!filterError.get().isEmpty()) {
            return "Filter: " + filterError.get();
        }
        if (parsePort() < 0) {
            return "Port: a TCP port number (1–65535), or nothing.";
        }
        if (parse(seconds.get(), 1_000_000) < 0) {
            return "Stop after seconds: a whole number, or nothing.";
        }
        if (parse(messages.get(), Long.MAX_VALUE / 2) < 0) {
            return "Stop after messages: a whole number, or nothing.";
        }
        if (output.get().isBlank()) {
            return "Choose the file to write.";
        }
        long files = parse(ringFiles.get(), 100_000);
        long size = parse(ringSizeMb.get(), 1_000_000);
        if (files < 0 || size < 0) {
            return "Ring: whole numbers of files and MB, or nothing.";
        }
        if ((files > 0) != (size > 0)) {
            return "Ring: give both the number of files and the size of each.";
        }
        return "";
    }

    /** What Start asks for; call only when {@link #problemProperty()} is empty. */
    public LiveRequest request() {
        long s = parse(seconds.get(), 1_000_000);
        return new LiveRequest(selected.get().name(), filter.get().strip(), Math.max(0, parsePort()),
                s > 0 ? Duration.ofSeconds(s) : null, Math.max(0, parse(messages.get(), Long.MAX_VALUE / 2)),
                Path.of(output.get().strip()), overwrite.get(), (int) Math.max(0, parse(ringFiles.get(), 100_000)),
                (int) Math.max(0, parse(ringSizeMb.get(), 1_000_000)));
    }

    /** Blank: 0. A whole number in [0, max]: itself. Anything else: -1. */
    static long parse(String text, long max) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return 0;
        }
        if (!t.matches("\\d{1,18}")) {
            return -1;
        }
        long v = Long.parseLong(t);
        return v <= max ? v : -1;
    }

    private int parsePort() {
        long p = parse(port.get(), 65535);
        return (int) p;
    }

    /**
     * A new file in a directory of its own under the temporary directory, named after the
     * interface and the time: {@code lookaside-live-…/lo-20261207-231500.pcapng}.
     */
    private Path newOutput(String iface) {
        String name = iface.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)) + ".pcapng";
        try {
            if (outputDir == null) {
                outputDir = Files.createTempDirectory("lookaside-live-");
            }
            return outputDir.resolve(name);
        } catch (IOException e) {
            return Path.of(System.getProperty("java.io.tmpdir"), name);
        }
    }

    public ObservableList<InterfaceRow> interfaces() {
        return interfaces;
    }

    public ObjectProperty<InterfaceRow> selectedProperty() {
        return selected;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty secondsProperty() {
        return seconds;
    }

    public StringProperty messagesProperty() {
        return messages;
    }

    public StringProperty outputProperty() {
        return output;
    }

    /** Set when the file chooser asked about replacing the chosen file and the user agreed. */
    public BooleanProperty overwriteProperty() {
        return overwrite;
    }

    public StringProperty ringFilesProperty() {
        return ringFiles;
    }

    public StringProperty ringSizeMbProperty() {
        return ringSizeMb;
    }

    /** libpcap's word on the filter, or empty when it compiles for the chosen interface. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    /** Why interfaces cannot be listed, or empty. */
    public ReadOnlyStringProperty listErrorProperty() {
        return listError.getReadOnlyProperty();
    }

    /** What keeps Start from starting, in words; empty when nothing does. */
    public StringBinding problemProperty() {
        return problem;
    }
}

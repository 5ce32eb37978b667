package io.lookaside.app.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookaside.app.workbench.TaskContext;
import io.lookaside.app.workbench.TaskRunner;
import io.lookaside.report.Json;
import io.lookaside.report.MessageJson;
import io.lookaside.capture.Protocol;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The message list: the rows a display filter keeps, the selected message and its decoded
 * detail, and navigation (go to frame, go to the other message of an exchange). Filtering and
 * decoding for the detail pane run on the {@link TaskRunner}; only the table's visible cells
 * are computed on the FX thread, from the session's columns.
 */
public final class MessagesViewModel {
    static final String FILTER_TASK = "messages.filter";
    static final String DETAIL_TASK = "messages.detail";
    static final String SORT_TASK = "messages.sort";
    static final String FRAME_TASK = "messages.frame";
    static final String EXPORT_TASK = "messages.export";
    /** Earlier segments of a flow kept while looking for a frame: a 9P message of msize 512 KiB spans ~360. */
    private static final int EARLIER_SEGMENTS = 512;
    /** Typing pauses this long before a valid filter is applied; Enter applies at once. */
    static final Duration TYPING_PAUSE = Duration.ofMillis(600);
    private static final int LOOK_CACHE = 4096;
    private static final int[] NONE = new int[0];

    private final TaskRunner runner;
    /** The capture file frames are read again from (for every layer's bytes), opened by a frame task. */
    private final FrameFiles frameFiles = new FrameFiles();
    private final MessageJson json = new MessageJson(Json.mapper());
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<RowIndex> rows = new ReadOnlyObjectWrapper<>(this, "rows", RowIndex.EMPTY);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError", "");
    private final ReadOnlyStringWrapper appliedFilter = new ReadOnlyStringWrapper(this, "appliedFilter", "");
    private final ReadOnlyBooleanWrapper filtering = new ReadOnlyBooleanWrapper(this, "filtering");
    private final ReadOnlyDoubleWrapper filterProgress = new ReadOnlyDoubleWrapper(this, "filterProgress");
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final ReadOnlyObjectWrapper<MessageDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    /** Rows that arrive scroll into view while the table shows the last row (a live capture). */
    private final BooleanProperty followTail = new SimpleBooleanProperty(this, "followTail");
    private final ReadOnlyObjectWrapper<SortKey> sort = new ReadOnlyObjectWrapper<>(this, "sort");
    private final ReadOnlyBooleanWrapper sorting = new ReadOnlyBooleanWrapper(this, "sorting");
    private final ObjectProperty<TimeFormat> timeFormat = new SimpleObjectProperty<>(this, "timeFormat", TimeFormat.RELATIVE);
    private final ReadOnlyIntegerWrapper timeReference = new ReadOnlyIntegerWrapper(this, "timeReference", -1);
    private static final java.time.format.DateTimeFormatter ABSOLUTE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(java.time.ZoneOffset.UTC);
    private final ObservableList<MessageColumn> customColumns =
            FXCollections.observableArrayList();
    private final ObservableList<MessageColumn> customColumnsView =
            FXCollections.unmodifiableObservableList(customColumns);
    /** The order of the rows on show; {@link #sort} once a sort is done. */
    private SortKey sortedBy;
    /** A frame to go to once the rows of a newly shown session are known (command line {@code -g}). */
    private long pendingFrame = -1;
    /** The session on show is a prefix of a capture still loading. */
    private boolean loading;
    /** The filter the rows on show were made with, or null when they are every message. */
    private DisplayFilter applied;
    /** The session the rows on show were made from: the one on show, or an older prefix of it. */
    private Session covered;
    /** Requests among the covered rows that were still waiting for their reply (ascending). */
    private int[] pending = NONE;
    /** A filter runs over the rows that came in since {@link #covered}. */
    private boolean catchingUp;
    /** The decoded look of recently shown rows (Info text, error or not): scrolling back costs nothing. */
    private final Map<Integer, RowLook> looks = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, RowLook> eldest) {
            return size() > LOOK_CACHE;
        }
    };

    private final StringBinding emptyTableText = Bindings.createStringBinding(() -> {
        Session s = session.get();
        if (s == null) {
            return "Open a capture with File › Open (Ctrl+O), or drop a file here.";
        }
        return s.size() == 0 ? "This capture holds no 9P or FUSE messages." : "No message matches the display filter.";
    }, session);

    /** The title of the {@link Column#KEY} column: 9P calls it tag, FUSE unique. */
    private final StringBinding keyTitle = Bindings.createStringBinding(() -> {
        Session s = session.get();
        boolean nineP = s != null && s.connections().stream().anyMatch(c -> c.protocol() == Protocol.NINEP);
        boolean fuse = s != null && s.connections().stream().anyMatch(c -> c.protocol() == Protocol.FUSE);
        return fuse && !nineP ? "Unique" : fuse ? "Tag / Unique" : Column.KEY.title();
    }, session);

    public MessagesViewModel(TaskRunner runner) {
        this.runner = runner;
        filterText.addListener((o, was, now) -> applyFilter(TYPING_PAUSE));
        selected.addListener((o, was, now) -> loadDetail(now.intValue()));
    }

    /** Shows a newly loaded session (or none), keeping the display filter as Wireshark does. */
    public void show(Session s) {
        show(s, false);
    }

    /**
     * Shows a loaded session. With {@code more} it completes the rows of the same capture on
     * show (the prefix of {@link #showLoading}): the selection, the detail, the scroll position
     * and the display filter stay, and the filter runs over the new rows only.
     */
    public void show(Session s, boolean more) {
        loading = false;
        display(s, more);
    }

    /**
     * Shows the rows of a capture still loading: a prefix of it ({@code SessionLoader}). With
     * {@code more} it is a newer prefix of the capture on show, which it extends as
     * {@link #show(Session, boolean)} does; else it starts a new capture. A frame to go to
     * waits until the rows reach it.
     */
    public void showLoading(Session s, boolean more) {
        loading = true;
        display(s, more && session.get() != null);
    }

    private void display(Session s, boolean more) {
        looks.clear();
        Session was = session.get();
        if (more && s != null && was != null) {
            session.set(s);
            int sel = selected.get();
            // A request may have gained its reply (or a flag) since: the detail tells of the exchange.
            if (sel >= 0 && sel < was.size() && (was.peer(sel) != s.peer(sel) || was.flags(sel) != s.flags(sel))) {
                loadDetail(sel);
            }
            catchUp();
            return;
        }
        runner.cancel(FILTER_TASK);
        runner.cancel(SORT_TASK);
        runner.cancel(FRAME_TASK);
        if (was != null && (s == null || !Objects.equals(s.source(), was.source()))) {
            frameFiles.closeLater(was.source());
        }
        sorting.set(false);
        sortedBy = null;
        catchingUp = false;
        timeReference.set(-1);
        selected.set(-1);
        session.set(s);
        notice.set("");
        applied = null;
        pending = NONE;
        covered = s;
        rows.set(RowIndex.EMPTY); // another capture: its rows replace these, they do not extend them
        rows.set(s == null ? RowIndex.EMPTY : RowIndex.all(s.size()));
        appliedFilter.set("");
        filtering.set(false);
        applyFilter(Duration.ZERO);
        if (!filtering.get()) {
            goToPendingFrame();
            startSort();
        }
    }

    /**
     * True when nothing is under way: the capture is loaded, the filter text's rows are shown,
     * a frame asked for on the command line was gone to, and the detail pane shows the selected
     * message.
     */
    public boolean isSettled() {
        int sel = selected.get();
        MessageDetail d = detail.get();
        boolean detailShown = sel < 0 ? d == null : d != null && d.message() == sel && d.framed();
        return session.get() != null && !loading && covered == session.get() && !filtering.get()
                && !sorting.get() && Objects.equals(sortedBy, sort.get())
                && filterError.get().isEmpty() && pendingFrame < 0
                && appliedFilter.get().strip().equals(filterText.get().strip()) && detailShown;
    }

    /** True when the rows on show are the display filter's over every message of the session on show. */
    boolean caughtUp() {
        return session.get() != null && covered == session.get() && !filtering.get() && !catchingUp;
    }

    /** Goes to {@code frame} once the next session is shown and filtered. */
    public void goToFrameOnceShown(long frame) {
        pendingFrame = frame;
    }

    private void goToPendingFrame() {
        Session s = session.get();
        if (pendingFrame < 0 || s == null) {
            return;
        }
        RowIndex r = rows.get();
        boolean reached = !r.isEmpty() && s.frame(r.ascending(r.size() - 1)) >= pendingFrame;
        if (!reached && (loading || covered != s)) {
            return; // no displayed message at or after the frame yet, and more rows to come
        }
        long f = pendingFrame;
        pendingFrame = -1;
        goToFrame(f);
    }

    /** Applies the filter text now (Enter in the filter bar). */
    public void applyFilter() {
        applyFilter(Duration.ZERO);
    }

    private void applyFilter(Duration pause) {
        String text = filterText.get();
        DisplayFilter filter;
        try {
            filter = DisplayFilterParser.parse(text);
        } catch (FilterSyntaxException e) {
            filterError.set(e.getMessage());
            return;
        }
        filterError.set("");
        Session s = session.get();
        if (s == null) {
            return;
        }
        catchingUp = false;
        if (filter == null && sort.get() == null) {
            runner.cancel(FILTER_TASK);
            filtering.set(false);
            if (applied != null || covered != s || rows.get().size() != s.size() || rows.get().isSorted()) {
                publishRows(new Filtered(RowIndex.all(s.size()), NONE), null, "", s, null);
            }
            return;
        }
        if (filter == null && applied == null && covered == s && rows.get().size() == s.size()) {
            startSort(); // every row on show already: only the order may change
            return;
        }
        filtering.set(true);
        filterProgress.set(0);
        SortKey by = sort.get();
        runner.task(FILTER_TASK, ctx -> sorted(filter == null ? new Filtered(RowIndex.all(s.size()), NONE)
                        : select(s, filter, RowIndex.EMPTY, 0, NONE, json, ctx), s, by, ctx))
                .debounce(pause)
                .onProgress(filterProgress::set)
                .onSuccess(r -> publishRows(r, filter, text, s, by))
                .onFailure(this::filterFailed)
                .start();
    }

    /**
     * Brings the rows on show up to the session on show, which grew while the capture loads:
     * the filter they were made with runs over the new messages, and again over the requests
     * that were still waiting for their reply (the only rows of a prefix that change). A filter
     * already under way catches up when it is done instead, so that prefixes arriving faster
     * than a filter over millions of rows never starve it.
     */
    private void catchUp() {
        Session s = session.get();
        if (s == null || s == covered || filtering.get() || catchingUp) {
            return;
        }
        DisplayFilter filter = applied;
        String text = appliedFilter.get();
        if (filter == null && sortedBy == null) {
            publishRows(new Filtered(RowIndex.all(s.size()), NONE), null, text, s, null);
            return;
        }
        RowIndex base = rows.get();
        int from = covered == null ? 0 : covered.size();
        int[] recheck = pending;
        SortKey by = sortedBy;
        catchingUp = true;
        runner.task(FILTER_TASK, ctx -> sorted(filter == null ? new Filtered(RowIndex.all(s.size()), NONE)
                        : select(s, filter, base, from, recheck, json, ctx), s, by, ctx))
                .onSuccess(r -> {
                    catchingUp = false;
                    publishRows(r, filter, text, s, by);
                })
                .onFailure(e -> {
                    catchingUp = false;
                    filterFailed(e);
                })
                .start();
    }

    private void filterFailed(Throwable e) {
        filtering.set(false);
        filterError.set("the filter could not be applied: " + e);
    }

    /** Rows a filter kept, and the requests among the rows it looked at that still wait for their reply. */
    record Filtered(RowIndex rows, int[] pending) {
    }

    /** The ascending indexes of the messages that {@code filter} keeps. Runs off the FX thread. */
    static RowIndex select(Session s, DisplayFilter filter, MessageJson json, TaskContext ctx) {
        return select(s, filter, RowIndex.EMPTY, 0, NONE, json, ctx).rows();
    }

    /**
     * The rows {@code filter} keeps among the messages of {@code s} from {@code from} on, after
     * {@code base} (its rows before {@code from}), where the requests of {@code recheck} (which
     * were waiting for their reply) are tested again. Runs off the FX thread.
     */
    static Filtered select(Session s, DisplayFilter filter, RowIndex base, int from, int[] recheck, MessageJson json,
                           TaskContext ctx) {
        SessionFields fields = new SessionFields(s, json);
        int n = s.size();
        int[] flipped = new int[recheck.length];
        int flips = 0;
        int[] stillPending = new int[Math.max(16, recheck.length)];
        int waiting = 0;
        for (int m : recheck) {
            if (filter.test(fields.at(m)) != (base.rowOf(m) >= 0)) {
                flipped[flips++] = m;
            }
            if (waitsForReply(s, m)) {
                stillPending = append(stillPending, waiting++, m);
            }
        }
        int[] out = new int[Math.max(1024, Math.min(n, base.size() + flips + 1024))];
        int kept = 0;
        int f = 0;
        for (int row = 0; row < base.size(); row++) {
            int m = base.ascending(row);
            for (; f < flips && flipped[f] < m; f++) {
                out = append(out, kept++, flipped[f]); // now kept, was not
            }
            if (f < flips && flipped[f] == m) {
                f++; // was kept, is not any more
            } else {
                out = append(out, kept++, m);
            }
        }
        for (; f < flips; f++) {
            out = append(out, kept++, flipped[f]);
        }
        for (int i = from; i < n; i++) {
            if (((i - from) & 1023) == 0) {
                if (ctx.cancelled()) {
                    return new Filtered(RowIndex.EMPTY, NONE);
                }
                ctx.progress(i - from, n - from);
            }
            if (filter.test(fields.at(i))) {
                out = append(out, kept++, i);
            }
            if (waitsForReply(s, i)) {
                stillPending = append(stillPending, waiting++, i);
            }
        }
        return new Filtered(RowIndex.of(out, kept), Arrays.copyOf(stillPending, waiting));
    }

    /** A request whose reply may still come: its row (its exchange, its flags) may change in a later prefix. */
    private static boolean waitsForReply(Session s, int i) {
        return s.direction(i) == Direction.REQUEST && s.peer(i) < 0
                && !s.hasFlag(i, Session.NO_REPLY_EXPECTED) && !s.hasFlag(i, Session.FLUSHED);
    }

    private static int[] append(int[] a, int at, int v) {
        int[] out = at < a.length ? a : Arrays.copyOf(a, Math.max(16, a.length + (a.length >> 1)));
        out[at] = v;
        return out;
    }

    /** The rows of {@code f} in the order of {@code by}. Runs off the FX thread. */
    private Filtered sorted(Filtered f, Session s, SortKey by, TaskContext ctx) {
        return by == null || ctx.cancelled() ? f : new Filtered(RowSorter.sort(s, f.rows(), by, json, ctx), f.pending());
    }

    /**
     * Shows the rows in the order of {@code key} (a click on a column header), or in capture
     * order when it is null. Stable: rows with equal values keep capture order. Sorting runs in
     * the background; the rows on show stay until it is done, and a filter applied meanwhile
     * sorts its own result.
     */
    public void sortBy(SortKey key) {
        if (Objects.equals(key, sort.get())) {
            return;
        }
        sort.set(key);
        startSort();
    }

    private void startSort() {
        Session s = session.get();
        SortKey by = sort.get();
        if (s == null || Objects.equals(by, sortedBy)) {
            runner.cancel(SORT_TASK);
            sorting.set(false);
            return;
        }
        if (filtering.get() || catchingUp) {
            return; // the filter under way sorts its result, or publishes and this runs again
        }
        RowIndex on = rows.get();
        Session of = covered;
        sorting.set(true);
        filterProgress.set(0);
        runner.task(SORT_TASK, ctx -> RowSorter.sort(s, on, by, json, ctx))
                .onProgress(filterProgress::set)
                .onSuccess(r -> {
                    sorting.set(false);
                    if (rows.get() == on && covered == of && Objects.equals(by, sort.get())) {
                        sortedBy = by;
                        rows.set(r);
                    }
                    startSort();
                })
                .onFailure(e -> {
                    sorting.set(false);
                    notice.set("The rows could not be sorted: " + e);
                })
                .start();
    }

    /** Shows rows made from {@code of}; a selection the rows of a new filter hide is dropped, as Wireshark does. */
    private void publishRows(Filtered r, DisplayFilter filter, String text, Session of, SortKey by) {
        boolean newFilter = filter != applied;
        sortedBy = r.rows().isSorted() ? by : null;
        applied = filter;
        appliedFilter.set(text);
        covered = of;
        pending = r.pending();
        rows.set(r.rows());
        if (selected.get() >= 0 && r.rows().rowOf(selected.get()) < 0 && newFilter) {
            selected.set(-1);
        }
        if (notice.get().contains("hidden by the display filter")
                && (selected.get() < 0 || r.rows().rowOf(selected.get()) >= 0)) {
            notice.set(""); // the note's cause is gone: the filter now shows the message
        }
        goToPendingFrame();
        // Last, so that whoever waits for the filter to finish sees the rows and the selection.
        filtering.set(false);
        catchUp();
        if (!Objects.equals(sortedBy, sort.get()) && !filtering.get() && !catchingUp) {
            startSort();
        }
    }

    private void loadDetail(int i) {
        Session s = session.get();
        if (i < 0 || s == null) {
            runner.cancel(DETAIL_TASK);
            detail.set(null);
            return;
        }
        runner.task(DETAIL_TASK, ctx -> MessageText.detail(s, i, json))
                .onSuccess(d -> {
                    detail.set(d);
                    loadFrame(s, i, d);
                })
                .start();
    }

    /** Reads the message's frame (and earlier segments) from the capture file, then shows every layer. */
    private void loadFrame(Session s, int i, MessageDetail d) {
        if (!"pcap".equals(s.sourceKind()) && !"pcapng".equals(s.sourceKind())) {
            detail.set(FrameDetail.enrich(d, s, i, List.of()));
            return;
        }
        runner.task(FRAME_TASK, ctx -> FrameDetail.enrich(d, s, i, frameFiles.read(s, s.frame(i), EARLIER_SEGMENTS)))
                .onSuccess(framed -> {
                    // A newer prefix of the same capture has the same frames.
                    MessageDetail now = detail.get();
                    if (selected.get() == i && now != null && now.message() == i && !now.framed() && session.get() != null
                            && Objects.equals(session.get().source(), s.source())) {
                        detail.set(new MessageDetail(now.message(), now.title(), framed.fields(), framed.bytes(), now.peer(),
                                now.exchange(), true));
                    }
                })
                .onFailure(e -> {
                    detail.set(FrameDetail.enrich(d, s, i, List.of()));
                    notice.set("The frame's bytes could not be read again from " + s.source() + ": " + e.getMessage());
                })
                .start();
    }

    /**
     * Selects the first displayed message at or after capture frame {@code frame} (Wireshark's
     * Go to Packet). Frames grow with the message index, since sources deliver in capture order.
     */
    public void goToFrame(long frame) {
        Session s = session.get();
        RowIndex r = rows.get();
        if (s == null || r.isEmpty()) {
            notice.set("No messages to go to");
            return;
        }
        int lo = 0;
        int hi = r.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.frame(r.ascending(mid)) < frame) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == r.size()) {
            notice.set("No displayed message at or after frame " + frame);
            return;
        }
        int m = r.ascending(lo);
        selected.set(m);
        notice.set(s.frame(m) == frame ? "" : "Frame " + frame + " has no displayed message; went to frame " + s.frame(m));
    }

    /**
     * Selects message {@code i} (another feature's evidence); when the display filter hides it,
     * its details are still shown and the notice says so, as for a hidden request of a reply.
     */
    public void goToMessage(int i) {
        Session s = session.get();
        if (s == null || i < 0 || i >= s.size()) {
            return;
        }
        selected.set(i);
        notice.set(rows.get().rowOf(i) < 0
                ? "Frame " + s.frame(i) + " is hidden by the display filter; its details are shown" : "");
    }

    /** Selects the first ({@code last} false) or last displayed message. */
    public void goToEnd(boolean last) {
        RowIndex r = rows.get();
        if (!r.isEmpty()) {
            selected.set(r.message(last ? r.size() - 1 : 0));
            notice.set("");
        }
    }

    /** Selects the other message of the selected one's exchange: its reply, or its request. */
    public void goToPeer() {
        Session s = session.get();
        int i = selected.get();
        if (s == null || i < 0) {
            notice.set("Select a message first");
            return;
        }
        int p = s.peer(i);
        if (p < 0) {
            notice.set(MessageText.exchange(s, i));
            return;
        }
        selected.set(p);
        String what = s.direction(p) == Direction.REQUEST ? "request" : "reply";
        notice.set(rows.get().rowOf(p) < 0
                ? "The " + what + " (frame " + s.frame(p) + ") is hidden by the display filter; its details are shown"
                : "");
    }

    /** Selects the next ({@code step} 1) or previous (-1) displayed message of the same connection. */
    public void goToNextInConnection(int step) {
        Session s = session.get();
        int i = selected.get();
        RowIndex r = rows.get();
        if (s == null || i < 0) {
            notice.set("Select a message first");
            return;
        }
        int row = r.rowOf(i);
        if (row < 0) {
            return;
        }
        for (int k = row + step; k >= 0 && k < r.size(); k += step) {
            if (s.conn(r.message(k)) == s.conn(i)) {
                selected.set(r.message(k));
                notice.set("");
                return;
            }
        }
        notice.set("No " + (step > 0 ? "later" : "earlier") + " displayed message on this connection");
    }

    /**
     * Wireshark's Apply as Filter: replaces the filter with {@code expression}, or ands it with
     * the current one, and applies it at once.
     */
    public void applyAsFilter(String expression, boolean andWithCurrent) {
        String current = filterText.get().strip();
        String text = andWithCurrent && !current.isEmpty() ? "(" + current + ") && " + expression : expression;
        filterText.set(text);
        applyFilter();
    }

    /** A filter keeping the messages of the same type as message {@code i}. */
    public String typeFilter(int i) {
        Session s = session.get();
        return s == null ? "" : "type == " + FilterText.literal(s.typeName(i));
    }

    /** A filter keeping the messages of message {@code i}'s connection. */
    public String connectionFilter(int i) {
        Session s = session.get();
        return s == null ? "" : "conn == " + FilterText.literal(s.connection(i).id());
    }

    /** The Info column of message {@code i}: its decoded fields in one line. FX thread only. */
    public String summary(int i) {
        return look(i).summary();
    }

    private RowLook look(int i) {
        Session s = session.get();
        if (s == null) {
            return new RowLook("", false, null);
        }
        return looks.computeIfAbsent(i, k -> {
            ObjectNode o = json.toJson(s, k);
            return new RowLook(MessageText.summary(o), MessageText.isError(o), o);
        });
    }

    /** What a row shows beyond the session's columns; needs the message decoded. */
    private record RowLook(String summary, boolean error, ObjectNode decoded) {
    }

    /** The text of a custom column: every value of {@code field}, with its name when it has one. */
    private String fieldCell(String field, int i) {
        return MessageText.fieldText(look(i).decoded(), field);
    }

    /**
     * Adds a column showing {@code field} (Wireshark's Apply as Column); true when added, false
     * when the table already has it. The field is a display filter key ({@code fid}, {@code qid.path}).
     */
    public boolean addColumn(String field) {
        String f = field == null ? "" : field.strip();
        if (!f.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            notice.set("A column shows a field by its filter name, such as fid, ecode or qid.path");
            return false;
        }
        MessageColumn c = MessageColumn.field(f);
        if (customColumns.contains(c)) {
            return false;
        }
        customColumns.add(c);
        return true;
    }

    /** Removes a custom column; a sort by it returns to capture order. */
    public void removeColumn(MessageColumn c) {
        customColumns.remove(c);
        SortKey k = sort.get();
        if (k != null && k.column().equals(c)) {
            sortBy(null);
        }
    }

    /**
     * Writes the rows on show (filtered, sorted) with every column, custom ones too, as CSV;
     * the notice says how it went.
     */
    public void exportCsv(Path out) {
        Session s = session.get();
        if (s == null) {
            return;
        }
        RowIndex on = rows.get();
        List<MessageColumn> columns = new java.util.ArrayList<>();
        for (Column c : Column.values()) {
            columns.add(MessageColumn.of(c));
        }
        columns.addAll(customColumns);
        runner.task(EXPORT_TASK, ctx -> MessageExport.csv(s, on, columns, json, out, ctx))
                .onSuccess(n -> notice.set("Exported " + n + " rows to " + out))
                .onFailure(e -> notice.set("Could not export to " + out + ": " + e.getMessage()))
                .start();
    }

    /**
     * Writes the frames of the rows on show to a pcapng file (Wireshark's Export Specified
     * Packets): only for captures read from pcap or pcapng.
     */
    public void exportPcapng(Path out) {
        Session s = session.get();
        if (s == null) {
            return;
        }
        if (!"pcap".equals(s.sourceKind()) && !"pcapng".equals(s.sourceKind())) {
            notice.set("Only a pcap or pcapng capture has frames to export; this is " + s.sourceKind());
            return;
        }
        RowIndex on = rows.get();
        runner.task(EXPORT_TASK, ctx -> frameFiles.export(s, MessageExport.frames(s, on), out))
                .onSuccess(n -> notice.set("Exported " + n + " frames to " + out))
                .onFailure(e -> notice.set("Could not export to " + out + ": " + e.getMessage()))
                .start();
    }

    /** The custom columns, in the order they were added. */
    public ObservableList<MessageColumn> customColumns() {
        return customColumnsView;
    }

    /** The table's text of column {@code c} (built in or custom) for message {@code i}. */
    public String cell(MessageColumn c, int i) {
        return c.isCustom() ? (session.get() == null ? "" : fieldCell(c.field(), i)) : cell(c.builtIn(), i);
    }

    /** The table's text of column {@code c} for message {@code i}. */
    public String cell(Column c, int i) {
        Session s = session.get();
        if (s == null) {
            return "";
        }
        return switch (c) {
            case FRAME -> MessageRows.frame(s, i);
            case TIME -> time(s, i);
            case SOURCE -> MessageRows.source(s, i);
            case DESTINATION -> MessageRows.destination(s, i);
            case PROTOCOL -> MessageRows.protocol(s, i);
            case LENGTH -> MessageRows.length(s, i);
            case TYPE -> MessageRows.type(s, i);
            case KEY -> MessageRows.key(s, i);
            case RTT -> MessageRows.rtt(s, i);
            case INFO -> summary(i);
        };
    }

    /** The Time column in the chosen format (Wireshark's View › Time Display Format). */
    private String time(Session s, int i) {
        return switch (timeFormat.get()) {
            case RELATIVE -> MessageRows.seconds(s.tsNanos(i) - s.tsNanos(timeReference.get() >= 0 ? timeReference.get() : 0));
            case ABSOLUTE -> ABSOLUTE_TIME.format(java.time.Instant.ofEpochSecond(0, s.tsNanos(i)));
            case SINCE_PREVIOUS_DISPLAYED -> {
                RowIndex r = rows.get();
                int k = r.ascendingPosition(i);
                yield k <= 0 ? MessageRows.seconds(0) : MessageRows.seconds(s.tsNanos(i) - s.tsNanos(r.ascending(k - 1)));
            }
            case SINCE_PREVIOUS_IN_CONNECTION -> {
                // Connections interleave; a look this far back finds the previous one of any real exchange.
                for (int p = i - 1; p >= 0 && p >= i - 100_000; p--) {
                    if (s.conn(p) == s.conn(i)) {
                        yield MessageRows.seconds(s.tsNanos(i) - s.tsNanos(p));
                    }
                }
                yield MessageRows.seconds(0);
            }
        };
    }

    /** Wireshark's time display formats. */
    public enum TimeFormat {
        RELATIVE("Seconds since the first message (or the time reference)"),
        ABSOLUTE("UTC date and time of day"),
        SINCE_PREVIOUS_DISPLAYED("Seconds since the previous displayed message"),
        SINCE_PREVIOUS_IN_CONNECTION("Seconds since the previous message of the connection");

        private final String title;

        TimeFormat(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** Makes message {@code i} the time reference (relative times count from it), or clears it when it is. */
    public void toggleTimeReference(int i) {
        timeReference.set(timeReference.get() == i ? -1 : i);
        if (timeReference.get() >= 0) {
            timeFormat.set(TimeFormat.RELATIVE);
        }
    }

    public ObjectProperty<TimeFormat> timeFormatProperty() {
        return timeFormat;
    }

    /** The message relative times count from, or -1 for the first. */
    public ReadOnlyIntegerProperty timeReferenceProperty() {
        return timeReference.getReadOnlyProperty();
    }

    /** Every column of message {@code i}, tab-separated, for the clipboard. */
    public String rowText(int i) {
        StringBuilder b = new StringBuilder(160);
        for (Column c : Column.values()) {
            if (b.length() > 0) {
                b.append('\t');
            }
            b.append(cell(c, i));
        }
        for (MessageColumn c : customColumns) {
            b.append('\t').append(cell(c, i));
        }
        return b.toString();
    }

    /** How a row should look: error replies and messages without their other half stand out. */
    public RowKind rowKind(int i) {
        Session s = session.get();
        if (s == null) {
            return RowKind.NORMAL;
        }
        if (s.direction(i) == Direction.REPLY && look(i).error()) {
            return RowKind.ERROR;
        }
        if (s.hasFlag(i, Session.NO_REQUEST) || s.hasFlag(i, Session.FLUSHED)) {
            return RowKind.ORPHAN;
        }
        return RowKind.NORMAL;
    }

    /** The table's columns, in display order. */
    public enum Column {
        FRAME("No."), TIME("Time"), SOURCE("Source"), DESTINATION("Destination"), PROTOCOL("Protocol"),
        LENGTH("Length"), TYPE("Type"), KEY("Tag"), RTT("RTT (µs)"), INFO("Info");

        private final String title;

        Column(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** Row styles. */
    public enum RowKind { NORMAL, ERROR, ORPHAN }

    /**
     * Wireshark's "automatic scrolling in live capture": while true, rows appended to the table
     * scroll into view if the user has the last row in view; a user who scrolled away stays there.
     */
    public BooleanProperty followTailProperty() {
        return followTail;
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RowIndex> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public StringBinding keyTitleProperty() {
        return keyTitle;
    }

    /** What the message table says when it has no rows. */
    public StringBinding emptyTableTextProperty() {
        return emptyTableText;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** Why the filter text does not parse, or empty. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    /** The filter text whose result the rows show. */
    public ReadOnlyStringProperty appliedFilterProperty() {
        return appliedFilter.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty filteringProperty() {
        return filtering.getReadOnlyProperty();
    }

    /** The order asked for (a column header), or null for capture order. */
    public ReadOnlyObjectProperty<SortKey> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    /** True while the rows are being sorted. */
    public ReadOnlyBooleanProperty sortingProperty() {
        return sorting.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty filterProgressProperty() {
        return filterProgress.getReadOnlyProperty();
    }

    /** The selected message index in the session, or -1. The view writes it when the user selects a row. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<MessageDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** A short message about the last navigation (e.g. the target is hidden by the filter), or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}

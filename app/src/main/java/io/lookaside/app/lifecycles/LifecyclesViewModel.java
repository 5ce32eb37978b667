package io.lookaside.app.lifecycles;

import io.lookaside.app.lifecycles.LifecycleRows.FidRow;
import io.lookaside.app.lifecycles.LifecycleRows.FuseLookups;
import io.lookaside.app.lifecycles.LifecycleRows.HandleRow;
import io.lookaside.app.lifecycles.LifecycleRows.NodeRow;
import io.lookaside.app.workbench.Analyzed;
import io.lookaside.app.workbench.TaskRunner;
import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.Dentries;
import io.lookaside.lifecycle.Lookup;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The lifecycles of the loaded capture's handles (from the engine's lifecycles pass): every 9P
 * fid lifetime with how it was made, opened and ended and its path, every FUSE nodeid and file
 * handle; a filter for those still held when the capture ended; and a dentry query ("how many
 * times was usr/include/bits looked up and not found?"). Opening a row selects the message that
 * created it in the Messages tab.
 */
public final class LifecyclesViewModel {
    static final String ROWS_TASK = "lifecycles.rows";

    private final TaskRunner runner;
    private final IntConsumer showMessage;
    private Analyzed shown;
    private LifecycleRows rows = LifecycleRows.EMPTY;

    // The rows on show: all of them or the leaked ones, both prepared off the FX thread (LifecycleRows).
    private final ShownRows<FidRow> fids = new ShownRows<>();
    private final ShownRows<NodeRow> nodes = new ShownRows<>();
    private final ShownRows<HandleRow> handles = new ShownRows<>();
    private final BooleanProperty leakedOnly = new SimpleBooleanProperty(this, "leakedOnly");
    private final ReadOnlyIntegerWrapper leakedFids = new ReadOnlyIntegerWrapper(this, "leakedFids");
    private final ReadOnlyIntegerWrapper leakedNodes = new ReadOnlyIntegerWrapper(this, "leakedNodes");
    private final ReadOnlyIntegerWrapper leakedHandles = new ReadOnlyIntegerWrapper(this, "leakedHandles");
    private final ReadOnlyBooleanWrapper fuse = new ReadOnlyBooleanWrapper(this, "fuse");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper(this, "answer", "");
    private int answerMessage = -1;

    private final StringBinding fidsTitle = Bindings.createStringBinding(() -> title("Fids (9P)", rows.fids().size(),
            fids.size()), fids);
    private final StringBinding nodesTitle = Bindings.createStringBinding(() -> title("Node ids (FUSE)",
            rows.nodes().size(), nodes.size()), nodes);
    private final StringBinding handlesTitle = Bindings.createStringBinding(() -> title("File handles (FUSE)",
            rows.handles().size(), handles.size()), handles);
    private final StringBinding summary = Bindings.createStringBinding(this::summaryText, fids, nodes, handles,
            leakedFids, leakedNodes, leakedHandles);

    /** @param showMessage selects a message in the Messages tab */
    public LifecyclesViewModel(TaskRunner runner, IntConsumer showMessage) {
        this.runner = runner;
        this.showMessage = showMessage;
        leakedOnly.addListener((o, was, now) -> applyFilter());
        query.addListener((o, was, now) -> answer());
    }

    /** Shows an analysed session's lifecycles, or nothing. */
    public void show(Analyzed a) {
        runner.cancel(ROWS_TASK);
        shown = a;
        rows = LifecycleRows.EMPTY;
        publish();
        fuse.set(a != null && a.session().connections().stream().anyMatch(c -> c.protocol() == Protocol.FUSE)
                && a.session().connections().stream().noneMatch(c -> c.protocol() == Protocol.NINEP));
        if (a == null) {
            busy.set(false);
            return;
        }
        busy.set(true);
        runner.task(ROWS_TASK, ctx -> LifecycleRows.of(a, ctx))
                .onSuccess(r -> {
                    busy.set(false);
                    rows = r;
                    publish();
                })
                .start();
    }

    private void publish() {
        leakedFids.set(rows.leakedFids().size());
        leakedNodes.set(rows.leakedNodes().size());
        leakedHandles.set(rows.leakedHandles().size());
        applyFilter();
        // The totals come from the rows, not from the lists on show, which may not change (the leaked ones, both empty).
        fidsTitle.invalidate();
        nodesTitle.invalidate();
        handlesTitle.invalidate();
        summary.invalidate();
        answer();
    }

    private void applyFilter() {
        boolean only = leakedOnly.get();
        fids.show(only ? rows.leakedFids() : rows.fids());
        nodes.show(only ? rows.leakedNodes() : rows.nodes());
        handles.show(only ? rows.leakedHandles() : rows.handles());
    }

    private static String title(String what, int all, int shown) {
        return all == shown ? String.format(Locale.ROOT, "%s: %,d", what, all)
                : String.format(Locale.ROOT, "%s: %,d of %,d", what, shown, all);
    }

    private String summaryText() {
        if (shown == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        if (!rows.fids().isEmpty()) {
            b.append(String.format(Locale.ROOT, "%,d fid lifetimes, %,d still bound when the capture ended", rows.fids().size(),
                    leakedFids.get()));
        }
        if (!rows.nodes().isEmpty() || !rows.handles().isEmpty()) {
            if (b.length() > 0) {
                b.append("  ·  ");
            }
            b.append(String.format(Locale.ROOT, "%,d node ids (%,d still remembered), %,d file handles (%,d still open)",
                    rows.nodes().size(), leakedNodes.get(), rows.handles().size(), leakedHandles.get()));
        }
        if (b.length() > 0) {
            b.append(". Held at the end is normal while mounted; after an unmount it is a leak (see Findings).");
        }
        return b.toString();
    }

    /** Answers the dentry query for the path typed (relative to the mount root, as the tables show paths). */
    private void answer() {
        answerMessage = -1;
        String p = normalize(query.get());
        if (shown == null || p.isEmpty()) {
            answer.set("");
            return;
        }
        Dentries d = shown.analysis().lifecycles().dentries();
        List<Lookup> nineP = d.lookups(p);
        FuseLookups f = rows.fuseLookups().get(p);
        int lookups = nineP.size() + (f == null ? 0 : f.lookups());
        int notFound = d.notFound(p) + (f == null ? 0 : f.notFound());
        if (lookups == 0) {
            answer.set(p + " was never looked up in this capture.");
            return;
        }
        answerMessage = !nineP.isEmpty() ? nineP.get(0).request() : f.first();
        answer.set(String.format(Locale.ROOT, "%s was looked up %,d time%s and not found %,d time%s; the first lookup is at frame %d.",
                p, lookups, lookups == 1 ? "" : "s", notFound, notFound == 1 ? "" : "s", shown.session().frame(answerMessage)));
    }

    /** Paths are kept relative to the mount or attach root: {@code /usr/include} is {@code usr/include}. */
    static String normalize(String typed) {
        String p = typed == null ? "" : typed.strip();
        while (p.length() > 1 && p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** Opens the first lookup of the queried path in the Messages tab. */
    public void openAnswer() {
        if (answerMessage >= 0) {
            showMessage.accept(answerMessage);
        }
    }

    /** Opens the message that created a fid, node id or handle. */
    public void open(int message) {
        if (message >= 0) {
            showMessage.accept(message);
        }
    }

    /** A number with thousands separators. */
    public String count(Number n) {
        return String.format(Locale.ROOT, "%,d", n.longValue());
    }

    /** A fid, node id or file handle, in decimal as display filters take them. */
    public String id(Number n) {
        return Long.toString(n.longValue());
    }

    /** A frame number as Wireshark shows it (no separators). */
    public String frame(Number n) {
        return n.longValue() <= 0 ? "" : Long.toString(n.longValue());
    }

    public ObservableList<FidRow> fids() {
        return fids;
    }

    public ObservableList<NodeRow> nodes() {
        return nodes;
    }

    public ObservableList<HandleRow> handles() {
        return handles;
    }

    /** Show only what was still held when the capture ended. */
    public BooleanProperty leakedOnlyProperty() {
        return leakedOnly;
    }

    public ReadOnlyIntegerProperty leakedFidsProperty() {
        return leakedFids.getReadOnlyProperty();
    }

    public StringBinding fidsTitleProperty() {
        return fidsTitle;
    }

    public StringBinding nodesTitleProperty() {
        return nodesTitle;
    }

    public StringBinding handlesTitleProperty() {
        return handlesTitle;
    }

    public StringBinding summaryProperty() {
        return summary;
    }

    /** True when the capture is FUSE only (the view then opens on the node ids). */
    public ReadOnlyBooleanProperty fuseProperty() {
        return fuse.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The path of the dentry query. */
    public StringProperty queryProperty() {
        return query;
    }

    /** The answer to the dentry query, or empty. */
    public ReadOnlyStringProperty answerProperty() {
        return answer.getReadOnlyProperty();
    }
}

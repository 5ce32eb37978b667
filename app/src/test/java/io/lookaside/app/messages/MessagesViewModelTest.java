package io.lookaside.app.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.app.testing.ManualFxThread;
import io.lookaside.app.workbench.TaskContext;
import io.lookaside.app.workbench.TaskRunner;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.report.Json;
import io.lookaside.report.MessageJson;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagesViewModelTest {
    private static Session busybox;

    private final ManualFxThread fx = new ManualFxThread();
    private final TaskRunner runner = new TaskRunner(fx, 2, e -> {
        throw new AssertionError(e);
    });
    private final MessagesViewModel vm = new MessagesViewModel(runner);

    /** The prefixes a load of busybox handed over, held {@link SessionLoader#PREFIX_EVERY} after each so that there are several. */
    private static List<Session> busyboxPrefixes;
    private static final MessageJson json = new MessageJson(Json.mapper());
    private static final TaskContext NO_TASK = new TaskContext() {
        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void progress(long done, long total) {
            // nobody watches
        }
    };

    @BeforeAll
    static void load() throws Exception {
        busybox = SessionLoader.load(Samples.path("a-v9fs-busybox-cachenone.pcap.gz"), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        List<Session> prefixes = new ArrayList<>();
        prefixes.add(SessionLoader.load(Samples.path("a-v9fs-busybox-cachenone.pcap.gz"), CaptureOptions.DEFAULT,
                LoadMonitor.NONE, p -> {
                    prefixes.add(p);
                    sleep(SessionLoader.PREFIX_EVERY.toMillis() + 20);
                }));
        Collections.rotate(prefixes, -1); // the complete session last
        busyboxPrefixes = List.copyOf(prefixes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @BeforeEach
    void show() {
        vm.show(busybox);
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void showDisplaysEveryMessage() {
        // Sidecar: "tshark: frames with 9p: 30288, 9P PDUs: 30288".
        assertThat(vm.rowsProperty().get()).hasSize(30288);
        assertThat(vm.appliedFilterProperty().get()).isEmpty();
    }

    @Test
    void filterTextKeepsOnlyMatchingMessagesOffTheFxThread() throws Exception {
        vm.filterTextProperty().set("tag == 0xffff");

        fx.runUntil(() -> vm.appliedFilterProperty().get().equals("tag == 0xffff"));

        // version(5): only Tversion/Rversion use NOTAG; the sidecar counts 1 Tversion, 1 Rversion.
        RowIndex rows = vm.rowsProperty().get();
        assertThat(rows).hasSize(2);
        assertThat(busybox.direction(rows.message(0))).isEqualTo(Direction.REQUEST);
        assertThat(busybox.peer(rows.message(0))).isEqualTo(rows.message(1));
        assertThat(vm.filteringProperty().get()).isFalse();
    }

    /**
     * Oracles: the sidecar's tshark histograms (message types, Rlerror errno) of the busybox
     * sample, and tshark display filters run on it (one 9P message per frame in this capture):
     * {@code 9p.msgtype == 111 && 9p.qidpath == 5308761} gives 607,
     * {@code 9p.msgtype == 110 && 9p.wname == "missing_1.h"} 12, {@code 9p.msgtype == 110 && 9p.fid == 3} 996.
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            type == Twalk                       ; 4626
            type == Rlerror                     ; 517
            ecode == 2                          ; 454
            type == Rlerror && ecode == 95      ; 63
            type == Rlerror && !(ecode == 2)    ; 63
            type == Tread || type == Rread      ; 1822
            Treadlink                           ; 149
            type contains walk                  ; 8798
            qids.path == 5308761                ; 607
            type == Twalk && wnames == missing_1.h ; 12
            type == Twalk and fid == 3          ; 996
            """)
    void filterOnDecodedFieldsMatchesTheSidecar(String filter, int expected) throws Exception {
        vm.filterTextProperty().set(filter);

        fx.runUntil(() -> vm.appliedFilterProperty().get().equals(filter));

        assertThat(vm.rowsProperty().get()).hasSize(expected);
    }

    @Test
    void summaryShowsTheDecodedFieldsWithoutTheColumnsOnes() {
        int tversion = IntStream.range(0, busybox.size()).filter(i -> busybox.typeName(i).equals("Tversion"))
                .findFirst().orElseThrow();

        // Sidecar: "Tversion 9P2000.L msize=131072".
        assertThat(vm.summary(tversion)).isEqualTo("msize=131072 version=9P2000.L");
    }

    @Test
    void filterTextThatDoesNotParseKeepsTheRowsAndSaysWhy() throws Exception {
        vm.filterTextProperty().set("tag == 0xffff");
        fx.runUntil(() -> !vm.filteringProperty().get() && vm.rowsProperty().get().size() == 2);

        vm.filterTextProperty().set("tag ==");

        assertThat(vm.filterErrorProperty().get()).isEqualTo("expected a value after '==', found the end of the filter");
        assertThat(vm.rowsProperty().get()).hasSize(2);
    }

    @Test
    void filterTextClearedShowsEveryMessageAgain() throws Exception {
        vm.filterTextProperty().set("tag == 0xffff");
        fx.runUntil(() -> vm.rowsProperty().get().size() == 2);

        vm.filterTextProperty().set("");

        assertThat(vm.rowsProperty().get()).hasSize(busybox.size());
        assertThat(vm.filterErrorProperty().get()).isEmpty();
    }

    @Test
    void filterOnConnectionMatchesTheConnectionColumn() throws Exception {
        String id = busybox.connections().get(0).id();
        long expected = IntStream.range(0, busybox.size()).filter(i -> busybox.conn(i) == 0).count();

        vm.applyAsFilter(vm.connectionFilter(0), false);
        fx.runUntil(() -> !vm.filteringProperty().get());

        assertThat(vm.filterTextProperty().get()).isEqualTo("conn == \"" + id + "\"");
        assertThat(vm.rowsProperty().get()).hasSize((int) expected);
    }

    @Test
    void selectedLoadsTheDetailOfThatMessage() throws Exception {
        int reply = IntStream.range(0, busybox.size())
                .filter(i -> busybox.direction(i) == Direction.REPLY && busybox.peer(i) >= 0).findFirst().orElseThrow();

        vm.selectedProperty().set(reply);
        fx.runUntil(() -> vm.detailProperty().get() != null);

        MessageDetail d = vm.detailProperty().get();
        assertThat(d.message()).isEqualTo(reply);
        assertThat(d.peer()).isEqualTo(busybox.peer(reply));
        assertThat(d.fields()).extracting(DetailNode::name).startsWith("frame", "tsNanos", "conn");
        assertThat(d.fields().get(0).value()).isEqualTo(Long.toString(busybox.frame(reply)));
        assertThat(d.title()).startsWith("Frame " + busybox.frame(reply) + ": ");
        assertThat(d.exchange()).startsWith("Request in frame " + busybox.frame(busybox.peer(reply)));
        int size = busybox.bytes(reply).remaining();
        assertThat(d.hex()).startsWith(String.format("0000  %02x %02x", size & 0xFF, (size >>> 8) & 0xFF));
    }

    @Test
    void goToPeerSelectsTheRequestOfAReply() {
        int reply = IntStream.range(0, busybox.size())
                .filter(i -> busybox.direction(i) == Direction.REPLY && busybox.peer(i) >= 0).skip(100).findFirst().orElseThrow();
        vm.selectedProperty().set(reply);

        vm.goToPeer();

        int request = vm.selectedProperty().get();
        assertThat(busybox.direction(request)).isEqualTo(Direction.REQUEST);
        assertThat(busybox.key(request)).isEqualTo(busybox.key(reply));
        assertThat(busybox.conn(request)).isEqualTo(busybox.conn(reply));
        assertThat(request).isLessThan(reply);
    }

    @Test
    void goToPeerHiddenByTheFilterStillShowsItAndSaysSo() throws Exception {
        vm.filterTextProperty().set("dir == reply");
        fx.runUntil(() -> !vm.filteringProperty().get() && !vm.appliedFilterProperty().get().isEmpty());
        int reply = vm.rowsProperty().get().message(10);
        vm.selectedProperty().set(reply);

        vm.goToPeer();

        assertThat(vm.selectedProperty().get()).isEqualTo(busybox.peer(reply));
        assertThat(vm.noticeProperty().get()).contains("hidden by the display filter");
    }

    @Test
    void goToMessageSelectsItAndSaysSoWhenTheFilterHidesIt() throws Exception {
        vm.goToMessage(1234);
        assertThat(vm.selectedProperty().get()).isEqualTo(1234);
        assertThat(vm.noticeProperty().get()).isEmpty();

        vm.filterTextProperty().set("dir == reply");
        fx.runUntil(() -> !vm.filteringProperty().get() && !vm.appliedFilterProperty().get().isEmpty());
        int request = IntStream.range(0, busybox.size()).filter(i -> busybox.direction(i) == Direction.REQUEST)
                .skip(100).findFirst().orElseThrow();
        vm.goToMessage(request);

        assertThat(vm.selectedProperty().get()).isEqualTo(request);
        assertThat(vm.noticeProperty().get())
                .isEqualTo("Frame " + busybox.frame(request) + " is hidden by the display filter; its details are shown");
    }

    @Test
    void goToMessageOutsideTheSessionChangesNothing() {
        vm.goToMessage(7);

        vm.goToMessage(busybox.size());
        vm.goToMessage(-1);

        assertThat(vm.selectedProperty().get()).isEqualTo(7);
    }

    @Test
    void goToFrameSelectsTheFirstMessageAtOrAfterIt() {
        int target = 5000;
        long frame = busybox.frame(target);
        int first = IntStream.range(0, busybox.size()).filter(i -> busybox.frame(i) == frame).findFirst().orElseThrow();

        vm.goToFrame(frame);
        assertThat(vm.selectedProperty().get()).isEqualTo(first);
        assertThat(vm.noticeProperty().get()).isEmpty();

        // The frame before a message's frame that carries no 9P (a TCP ACK) leads to that message.
        long gapFrame = IntStream.range(1, busybox.size())
                .filter(i -> busybox.frame(i) - busybox.frame(i - 1) > 1)
                .mapToLong(i -> busybox.frame(i) - 1).findFirst().orElseThrow();
        vm.goToFrame(gapFrame);
        assertThat(busybox.frame(vm.selectedProperty().get())).isEqualTo(gapFrame + 1);
        assertThat(vm.noticeProperty().get()).isEqualTo("Frame " + gapFrame + " has no displayed message; went to frame "
                + (gapFrame + 1));
    }

    @Test
    void goToFrameBeyondTheLastSaysSo() {
        vm.goToFrame(busybox.frame(busybox.size() - 1) + 1);

        assertThat(vm.selectedProperty().get()).isEqualTo(-1);
        assertThat(vm.noticeProperty().get()).startsWith("No displayed message at or after frame");
    }

    @Test
    void filterKeepsTheSelectionWhenItIsStillDisplayedAndDropsItOtherwise() throws Exception {
        vm.filterTextProperty().set("dir == request");
        fx.runUntil(() -> vm.appliedFilterProperty().get().equals("dir == request"));
        int request = vm.rowsProperty().get().message(3);
        vm.selectedProperty().set(request);

        vm.filterTextProperty().set("dir == request && conn contains 564");
        fx.runUntil(() -> vm.appliedFilterProperty().get().endsWith("564"));
        assertThat(vm.selectedProperty().get()).isEqualTo(request);

        vm.filterTextProperty().set("dir == reply");
        fx.runUntil(() -> vm.appliedFilterProperty().get().equals("dir == reply"));
        assertThat(vm.selectedProperty().get()).isEqualTo(-1);
    }

    @Test
    void goToNextInConnectionSkipsOtherConnections() {
        int first = 0;
        vm.selectedProperty().set(first);

        vm.goToNextInConnection(1);

        int next = vm.selectedProperty().get();
        int expected = IntStream.range(1, busybox.size()).filter(i -> busybox.conn(i) == busybox.conn(first))
                .findFirst().orElseThrow();
        assertThat(next).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            type == Twalk,    4626
            type == Rlerror,  517
            tag == 0xffff,    2
            type == Rread && count > 0 || type == Tclunk, -1
            """)
    void showLoadingAppliesTheFilterToEachNewPrefix(String filter, int sidecarCount) throws Exception {
        assertThat(busyboxPrefixes).hasSizeGreaterThan(3);
        vm.show(null);
        vm.filterTextProperty().set(filter);
        Session first = busyboxPrefixes.get(0);
        vm.showLoading(first, false);
        fx.runUntil(vm::caughtUp);

        for (Session p : busyboxPrefixes.subList(1, busyboxPrefixes.size() - 1)) {
            vm.showLoading(p, true);
            fx.runUntil(vm::caughtUp);
            // The rows made prefix by prefix are those the filter keeps over the whole prefix at once.
            assertThat(vm.rowsProperty().get()).containsExactlyElementsOf(
                    MessagesViewModel.select(p, DisplayFilterParser.parse(filter), json, NO_TASK));
        }
        vm.show(busybox, true);
        fx.runUntil(vm::isSettled);

        RowIndex rows = vm.rowsProperty().get();
        assertThat(rows).containsExactlyElementsOf(MessagesViewModel.select(busybox, DisplayFilterParser.parse(filter), json, NO_TASK));
        if (sidecarCount >= 0) {
            assertThat(rows).hasSize(sidecarCount);
        }
    }

    @Test
    void showLoadingKeepsTheSelectionAndItsDetailAsPrefixesGrow() throws Exception {
        vm.show(null);
        vm.showLoading(busyboxPrefixes.get(0), false);
        vm.selectedProperty().set(100);
        fx.runUntil(() -> vm.detailProperty().get() != null);
        MessageDetail detail = vm.detailProperty().get();

        vm.showLoading(busyboxPrefixes.get(1), true);
        vm.show(busybox, true);
        fx.runUntil(vm::isSettled);

        assertThat(vm.selectedProperty().get()).isEqualTo(100);
        assertThat(vm.detailProperty().get().message()).isEqualTo(100);
        assertThat(vm.detailProperty().get().title()).isEqualTo(detail.title());
        assertThat(vm.rowsProperty().get()).hasSize(30288);
    }

    @Test
    void goToFrameOnceShownWaitsUntilTheRowsOfACaptureStillLoadingReachIt() throws Exception {
        vm.show(null);
        vm.filterTextProperty().set("type == Rlerror");
        vm.goToFrameOnceShown(1);

        // The complete session arrives before the filter over the first prefix is done.
        vm.showLoading(busyboxPrefixes.get(0), false);
        vm.show(busybox, true);
        fx.runUntil(vm::isSettled);

        int firstError = IntStream.range(0, busybox.size()).filter(i -> busybox.typeName(i).equals("Rlerror")).findFirst()
                .orElseThrow();
        assertThat(vm.selectedProperty().get()).isEqualTo(firstError);
        assertThat(vm.rowsProperty().get()).hasSize(517);
    }

    @Test
    void sortingByRttIsStableAndKeepsTheSelection() throws Exception {
        fx.runUntil(vm::isSettled);
        vm.selectedProperty().set(100);

        vm.sortBy(new SortKey(MessageColumn.of(MessagesViewModel.Column.RTT), true));
        fx.runUntil(vm::isSettled);

        RowIndex rows = vm.rowsProperty().get();
        assertThat(rows.isSorted()).isTrue();
        assertThat(rows).hasSize(busybox.size());
        for (int row = 1; row < rows.size(); row++) {
            long a = Math.max(-1, busybox.rttNanos(rows.message(row - 1)));
            long b = Math.max(-1, busybox.rttNanos(rows.message(row)));
            assertThat(a).isGreaterThanOrEqualTo(b);
            if (a == b) {
                assertThat(rows.message(row - 1)).isLessThan(rows.message(row));
            }
        }
        assertThat(vm.selectedProperty().get()).isEqualTo(100);
        assertThat(rows.message(rows.rowOf(100))).isEqualTo(100);

        vm.sortBy(null);
        fx.runUntil(vm::isSettled);
        assertThat(vm.rowsProperty().get().isSorted()).isFalse();
        assertThat(vm.rowsProperty().get().message(5)).isEqualTo(5);
    }

    @Test
    void aFilterKeepsTheSortAndGoToFrameStillFindsTheFrame() throws Exception {
        vm.sortBy(new SortKey(MessageColumn.of(MessagesViewModel.Column.TYPE), false));
        vm.filterTextProperty().set("type == Rlerror || type == Twalk");
        vm.applyFilter();
        fx.runUntil(vm::isSettled);

        RowIndex rows = vm.rowsProperty().get();
        assertThat(rows.size()).isPositive();
        assertThat(busybox.typeName(rows.message(0))).isEqualTo("Rlerror");
        assertThat(busybox.typeName(rows.message(rows.size() - 1))).isEqualTo("Twalk");

        long frame = busybox.frame(rows.message(rows.size() / 2));
        vm.goToFrame(frame);
        assertThat(busybox.frame(vm.selectedProperty().get())).isEqualTo(frame);
    }

    @Test
    void theDisplayedRowsExportAsCsvInTheirOrderAndTheirFramesAsPcapng(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        vm.addColumn("ecode");
        vm.filterTextProperty().set("type == Rlerror");
        vm.applyFilter();
        vm.sortBy(new SortKey(MessageColumn.of(MessagesViewModel.Column.RTT), true));
        fx.runUntil(vm::isSettled);
        RowIndex rows = vm.rowsProperty().get();
        java.nio.file.Path csv = dir.resolve("m.csv");
        java.nio.file.Path pcapng = dir.resolve("m.pcapng");

        vm.exportCsv(csv);
        fx.runUntil(() -> vm.noticeProperty().get().startsWith("Exported"));
        vm.exportPcapng(pcapng);
        fx.runUntil(() -> vm.noticeProperty().get().contains("frames"));

        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertThat(lines).hasSize(rows.size() + 1);
        assertThat(lines.get(0)).isEqualTo("No.,Time,Source,Destination,Protocol,Length,Type,Tag/Unique,RTT (µs),Info,ecode");
        assertThat(lines.get(1)).startsWith(busybox.frame(rows.message(0)) + ",").endsWith(",2 (ENOENT)");
        Session exported = SessionLoader.load(pcapng, CaptureOptions.DEFAULT, LoadMonitor.NONE);
        long rlerrors = IntStream.range(0, exported.size()).filter(i -> exported.typeName(i).equals("Rlerror")).count();
        assertThat(rlerrors).isEqualTo(rows.size());
    }

    @Test
    void theTimeColumnShowsEachFormatAndCountsFromTheTimeReference() throws Exception {
        vm.filterTextProperty().set("type == Twalk");
        vm.applyFilter();
        fx.runUntil(vm::isSettled);
        RowIndex rows = vm.rowsProperty().get();
        int a = rows.message(10);
        int b = rows.message(11);

        assertThat(vm.cell(MessagesViewModel.Column.TIME, b)).isEqualTo(MessageRows.seconds(busybox.tsNanos(b) - busybox.tsNanos(0)));
        vm.timeFormatProperty().set(MessagesViewModel.TimeFormat.SINCE_PREVIOUS_DISPLAYED);
        assertThat(vm.cell(MessagesViewModel.Column.TIME, b)).isEqualTo(MessageRows.seconds(busybox.tsNanos(b) - busybox.tsNanos(a)));
        vm.timeFormatProperty().set(MessagesViewModel.TimeFormat.SINCE_PREVIOUS_IN_CONNECTION);
        // One connection in this sample: the previous message of the capture, displayed or not.
        assertThat(vm.cell(MessagesViewModel.Column.TIME, b)).isEqualTo(MessageRows.seconds(busybox.tsNanos(b) - busybox.tsNanos(b - 1)));
        vm.timeFormatProperty().set(MessagesViewModel.TimeFormat.ABSOLUTE);
        assertThat(vm.cell(MessagesViewModel.Column.TIME, b)).matches("20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");

        vm.toggleTimeReference(a);
        assertThat(vm.timeFormatProperty().get()).isEqualTo(MessagesViewModel.TimeFormat.RELATIVE);
        assertThat(vm.cell(MessagesViewModel.Column.TIME, a)).isEqualTo("0.000000");
        assertThat(vm.cell(MessagesViewModel.Column.TIME, b)).isEqualTo(MessageRows.seconds(busybox.tsNanos(b) - busybox.tsNanos(a)));
        vm.toggleTimeReference(a);
        assertThat(vm.timeReferenceProperty().get()).isEqualTo(-1);
    }
}

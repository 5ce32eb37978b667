package io.lookaside.app.workbench;

import io.lookaside.app.capture.CaptureViewModel;
import io.lookaside.app.dock.DockLayout;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One open capture: its own session and analysis ({@link WorkbenchViewModel}), its views
 * ({@link WorkbenchView}) and its own task namespace, so that its analysis never cancels
 * another capture's. {@link #close()} cancels its tasks and closes its detached windows; once the
 * frame drops it, nothing holds its session and the memory goes back.
 */
public final class CaptureEditor {
    private final TaskRunner runner;
    private final WorkbenchViewModel vm;
    private final WorkbenchView view;

    CaptureEditor(TaskRunner runner, CaptureViewModel.Loader loader, Consumer<Path> opener, DockLayout layout) {
        this.runner = runner;
        this.vm = new WorkbenchViewModel(runner, loader);
        this.view = new WorkbenchView(vm, opener, layout);
    }

    public WorkbenchViewModel viewModel() {
        return vm;
    }

    public WorkbenchView view() {
        return view;
    }

    /** True when no capture is loaded or loading here: File › Open fills this editor instead of adding one. */
    public boolean isEmpty() {
        return vm.capture().sessionProperty().get() == null && vm.capture().loadingProperty().get() == null
                && vm.capture().pathProperty().get() == null;
    }

    /** The capture's file name, or a placeholder. */
    public String name() {
        Path p = vm.capture().loadingProperty().get() != null ? vm.capture().loadingProperty().get()
                : vm.capture().pathProperty().get();
        return p == null ? "No capture" : p.getFileName().toString();
    }

    void close() {
        vm.capture().cancel();
        runner.close();
        view.dock().closeWindows();
    }
}

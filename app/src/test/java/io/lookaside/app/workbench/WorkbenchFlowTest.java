package io.lookaside.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.app.testing.WorkbenchPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The whole window: what a user does after starting {@code ./lookaside}. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchFlowTest {
    private final List<Throwable> unexpected = new ArrayList<>();
    private TaskRunner runner;
    private WorkbenchViewModel vm;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        runner = TaskRunner.forJavaFx(unexpected::add);
        vm = WorkbenchApplication.show(stage, runner);
    }

    @AfterEach
    void close() {
        runner.close();
        assertThat(unexpected).isEmpty();
    }

    /** As File › Open does once the file chooser returns, or a drop on the window. */
    private void open(FxRobot robot, Path file) {
        robot.interact(() -> vm.open(file));
    }

    @Test
    void startWithoutACaptureSaysHowToOpenOne(FxRobot robot) {
        WorkbenchPage page = new WorkbenchPage(robot);

        assertThat(page.status()).isEqualTo("Ready. Open a capture with Ctrl+O or drop a file on the window.");
        assertThat(page.rowCount()).isZero();
    }

    @Test
    void openingGarbageShowsAClearErrorAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.pcap"), new byte[] {'h', 'e', 'l', 'l', 'o', 0, 1, 2, 3});
        WorkbenchPage page = new WorkbenchPage(robot);

        open(robot, garbage);

        String error = page.errorDialog();
        assertThat(error).startsWith("Lookaside cannot open garbage.pcap\n")
                .contains("not a capture Lookaside can read")
                .doesNotContain("Exception", "\tat ");
        page.closeErrorDialog().typeFilter("fid == 3");
        assertThat(page.status()).startsWith("Ready.");
    }

    @Test
    void openingADirectoryShowsAClearError(FxRobot robot) throws Exception {
        WorkbenchPage page = new WorkbenchPage(robot);

        open(robot, dir);

        assertThat(page.errorDialog()).contains("is a directory, not a capture");
    }
}

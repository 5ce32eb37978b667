package io.lookaside.app.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.app.testing.AnalyzedSamples;
import io.lookaside.app.workbench.Charts;
import io.lookaside.app.workbench.TaskRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Document;

/** The What If tab's chart of every model, on the busybox sample, and the PNG and SVG export every chart has. */
@ExtendWith(ApplicationExtension.class)
class AllModelsChartTest {
    private final List<Throwable> unexpected = new ArrayList<>();
    private final BiFunction<Window, String, File> chooser = Charts.exportTarget;
    private TaskRunner runner;
    private WhatIfViewModel vm;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        runner = TaskRunner.forJavaFx(unexpected::add);
        vm = new WhatIfViewModel(runner, m -> { });
        WhatIfView view = new WhatIfView(vm, new Label("").textProperty());
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
        vm.show(AnalyzedSamples.get("a-v9fs-busybox-cachenone.pcap.gz"));
    }

    @AfterEach
    void close() {
        Charts.exportTarget = chooser;
        runner.close();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void everyModelIsChartedOnLogScalesAndNegativeDentryAndSymlinkAreVisible(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#whatIfTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        ChartViewer v = robot.lookup("#allModelsChart").queryAs(ChartViewer.class);
        CombinedDomainCategoryPlot plot = (CombinedDomainCategoryPlot) v.getChart().getPlot();
        CategoryPlot trips = (CategoryPlot) plot.getSubplots().get(0);
        CategoryPlot wait = (CategoryPlot) plot.getSubplots().get(1);

        assertThat(trips.getDataset().getColumnKeys()).hasSize(vm.models().size());
        assertThat(trips.getRangeAxis()).isInstanceOf(org.jfree.chart.axis.LogAxis.class);
        // Sidecar: 280 repeated walks of missing paths; busybox reads its symlinks' targets again and again.
        assertThat(trips.getDataset().getValue("Saved round trips", "negative-dentry").doubleValue()).isGreaterThanOrEqualTo(280);
        assertThat(trips.getDataset().getValue("Saved round trips", "symlink").doubleValue()).isGreaterThan(1);
        assertThat(wait.getDataset().getValue("Saved wait (ms)", "negative-dentry").doubleValue()).isGreaterThan(0.001);
        // The log axis reaches down to a single saved round trip: a small saving still has a bar.
        assertThat(trips.getRangeAxis().getLowerBound()).isLessThanOrEqualTo(1);
    }

    @Test
    void theChartMenuExportsAPngAndAnSvgThatParse(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#whatIfTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        ChartViewer v = robot.lookup("#allModelsChart").queryAs(ChartViewer.class);
        Charts.exportTarget = (owner, name) -> dir.resolve(name).toFile();

        robot.interact(() -> item(v, "allModelsChart-export-png").fire());
        robot.interact(() -> item(v, "allModelsChart-export-svg").fire());

        Path png = dir.resolve("allModelsChart.png");
        Path svg = dir.resolve("allModelsChart.svg");
        byte[] head = Files.readAllBytes(png);
        assertThat(head).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThanOrEqualTo(320);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline: no w3.org DTD
        Document d = f.newDocumentBuilder().parse(svg.toFile());
        assertThat(d.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(Files.readString(svg)).contains("negative-dentry");
    }

    private static MenuItem item(ChartViewer v, String id) {
        return v.getContextMenu().getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}

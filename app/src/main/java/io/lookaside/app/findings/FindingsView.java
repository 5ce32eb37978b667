package io.lookaside.app.findings;

import static io.lookaside.app.workbench.Tables.column;
import static io.lookaside.app.workbench.Tables.text;

import io.lookaside.analysis.Finding;
import io.lookaside.analysis.Severity;
import io.lookaside.app.workbench.EvidenceList;
import io.lookaside.app.workbench.Widgets;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The findings, JMC style: a table sorted by score whose rows are coloured by severity (red a
 * warning, amber worth a look, green OK), and the selected finding's summary, explanation, fix and
 * evidence. Lays out and binds {@link FindingsViewModel} only.
 */
public final class FindingsView extends BorderPane {
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass INFO = PseudoClass.getPseudoClass("info");
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");

    public FindingsView(FindingsViewModel vm, ObservableStringValue placeholder) {
        getStyleClass().add("findings-view");
        TableView<Finding> table = new TableView<>(vm.findings());
        table.setId("findingsTable");
        table.setPlaceholder(Widgets.placeholder(placeholder));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Finding, Double> score = column("Score", 60, Finding::score, vm::score);
        score.getStyleClass().add("numeric");
        TableColumn<Finding, Severity> severity = column("Severity", 90, Finding::severity, vm::severity);
        severity.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Severity s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label badge = new Label(vm.severity(s));
                badge.getStyleClass().addAll("severity-badge", "severity-" + s.name().toLowerCase(Locale.ROOT));
                setGraphic(badge);
                setText(null);
            }
        });
        table.getColumns().setAll(List.of(score, severity, text("Rule", 230, Finding::title),
                text("Summary", 520, Finding::summary)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                Severity s = empty || f == null ? null : f.severity();
                pseudoClassStateChanged(WARNING, s == Severity.WARNING);
                pseudoClassStateChanged(INFO, s == Severity.INFO);
                pseudoClassStateChanged(OK, s == Severity.OK);
            }
        });
        Widgets.bindSelection(table, vm.selectedProperty());
        Label overview = Widgets.label("findingsOverview", "feature-headline", vm.overviewProperty());
        VBox left = new VBox(6, overview, table);
        left.setPadding(new Insets(8, 0, 0, 0));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setMargin(overview, new Insets(0, 10, 0, 10));

        Label title = Widgets.label("findingTitle", "detail-title", vm.titleProperty());
        Label summary = Widgets.label("findingSummary", "feature-headline", vm.summaryProperty());
        Label explanation = Widgets.label("findingExplanation", "feature-text", vm.explanationProperty());
        Label fix = Widgets.label("findingFix", "feature-text", vm.fixProperty());
        Label other = Widgets.label("findingOtherEvidence", "feature-note", vm.otherEvidenceProperty());
        EvidenceList evidence = new EvidenceList("findingEvidence", vm.evidence(), vm::open);
        evidence.setPrefHeight(220);
        evidence.setMinHeight(120);
        VBox detail = new VBox(6, title, summary, section("What it means"), explanation, section("What to change"), fix,
                section("Evidence"), other, evidence);
        detail.setPadding(new Insets(10, 12, 10, 12));
        detail.getStyleClass().add("finding-detail");
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");

        SplitPane panes = new SplitPane(left, scroll);
        panes.setOrientation(Orientation.HORIZONTAL);
        panes.setDividerPositions(0.58);
        setCenter(panes);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }
}

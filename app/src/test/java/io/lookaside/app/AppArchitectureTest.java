package io.lookaside.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.lookaside.app.workbench.TaskRunner;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.InputKind;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.capture.Protocol;
import javafx.application.Platform;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The workbench's boundaries (docs/architecture.md, examples 7, 8 and 14), on the compiled app. */
class AppArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.lookaside.app");

    @Test
    void appUsesOnlySessionLifecycleWhatifAnalysisReportAndCaptureOptionsOfTheDecoder() {
        classes().that().resideInAPackage("io.lookaside.app..")
                .should().onlyDependOnClassesThat(
                        DescribedPredicate.describe("the session, lifecycle, whatif, analysis and "
                                + "report layers, the live capture API, the capture options types, the JDK, JavaFX, JFreeChart or Jackson",
                                c -> allowed(c.getPackageName(), c.getName())))
                .check(APP);
    }

    private static boolean allowed(String pkg, String name) {
        if (!pkg.startsWith("io.lookaside")) {
            return pkg.startsWith("java") || pkg.isEmpty() || pkg.startsWith("javafx") || pkg.startsWith("org.jfree")
                    || pkg.startsWith("com.fasterxml.jackson");
        }
        // lifecycle is allowed on purpose: it is one of the layers the analysis reads (data flows
        // session → lifecycle → whatif → analysis → report → app), its results are immutable, and
        // the analysis hands them out (Analysis.lifecycles(), and WhatIfModel.simulate takes
        // Lifecycles). The workbench shows fid, node id and handle lifetimes and answers dentry
        // queries from them rather than recomputing them; it still never reaches the decoders
        // (ninep, fuse), the wire or the capture internals below the session.
        if (pkg.startsWith("io.lookaside.app") || pkg.startsWith("io.lookaside.session")
                || pkg.startsWith("io.lookaside.lifecycle") || pkg.startsWith("io.lookaside.whatif")
                || pkg.startsWith("io.lookaside.analysis") || pkg.startsWith("io.lookaside.report")) {
            return true;
        }
        // Live capture: the live session (the live twin of SessionLoader) and the capture layer's
        // live API (interfaces, filter check, the libpcap source); never pcap4j itself.
        if (pkg.equals("io.lookaside.live") || pkg.equals("io.lookaside.capture.live")) {
            return true;
        }
        return name.equals(CaptureOptions.class.getName()) || name.equals(LoadMonitor.class.getName())
                || name.startsWith(LoadMonitor.class.getName() + "$")
                || name.equals(CaptureException.class.getName()) || name.startsWith(Diagnostic.class.getName())
                || name.equals(Protocol.class.getName()) || name.equals(InputKind.class.getName());
    }

    @Test
    void onlyTheTaskRunnerHandsWorkToTheFxThread() {
        noClasses().that().doNotHaveFullyQualifiedName(TaskRunner.class.getName())
                .should().callMethod(Platform.class, "runLater", Runnable.class)
                .check(APP);
    }

    /** Features meet only in the workbench (evidence opens a message through WorkbenchViewModel). */
    @ParameterizedTest
    @ValueSource(strings = {"messages", "capture", "waits", "whatif", "findings", "lifecycles", "live"})
    void featuresDoNotDependOnEachOtherOnlyOnTheWorkbench(String feature) {
        String[] others = Stream.of("messages", "capture", "waits", "whatif", "findings", "lifecycles", "live")
                .filter(f -> !f.equals(feature)).map(f -> "io.lookaside.app." + f + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("io.lookaside.app." + feature + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .check(APP);
    }

    /** Example 7: the GUI reads results; only the analysis engine runs the models and rules. */
    @Test
    void appNeverRunsAModelOrARuleItself() {
        noClasses().that().resideInAPackage("io.lookaside.app..")
                .should().callMethodWhere(DescribedPredicate.describe("a what-if simulation or a rule evaluation",
                        call -> call.getName().equals("simulate") || call.getName().equals("evaluate")))
                .check(APP);
    }

    /**
     * A capture is untrusted input: paths, names and xattr values inside it must never be handed
     * to something that opens or runs them (a browser, a file manager, a shell).
     */
    @Test
    void appNeverOpensOrRunsAnythingOutsideItself() {
        noClasses().that().resideInAPackage("io.lookaside.app..")
                .should().dependOnClassesThat().haveFullyQualifiedName("javafx.application.HostServices")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.awt.Desktop")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
                .orShould().callMethod(Runtime.class, "exec", String.class)
                .orShould().callMethod(Runtime.class, "exec", String[].class)
                .check(APP);
    }
}

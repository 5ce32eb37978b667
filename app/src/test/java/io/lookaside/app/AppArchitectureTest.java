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
import org.junit.jupiter.api.Test;

/** The workbench's boundaries (docs/architecture.md, examples 7, 8 and 14), on the compiled app. */
class AppArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.lookaside.app");

    @Test
    void appUsesOnlySessionWhatifAnalysisReportAndCaptureOptionsOfTheDecoder() {
        classes().that().resideInAPackage("io.lookaside.app..")
                .should().onlyDependOnClassesThat(
                        DescribedPredicate.describe("the session, whatif, analysis and "
                                + "report layers, the capture options types, the JDK, JavaFX, JFreeChart or Jackson",
                                c -> allowed(c.getPackageName(), c.getName())))
                .check(APP);
    }

    private static boolean allowed(String pkg, String name) {
        if (!pkg.startsWith("io.lookaside")) {
            return pkg.startsWith("java") || pkg.isEmpty() || pkg.startsWith("javafx") || pkg.startsWith("org.jfree")
                    || pkg.startsWith("com.fasterxml.jackson");
        }
        if (pkg.startsWith("io.lookaside.app") || pkg.startsWith("io.lookaside.session")
                || pkg.startsWith("io.lookaside.whatif") || pkg.startsWith("io.lookaside.analysis")
                || pkg.startsWith("io.lookaside.report")) {
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

    @Test
    void featuresDoNotDependOnEachOtherOnlyOnTheWorkbench() {
        noClasses().that().resideInAPackage("io.lookaside.app.messages..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lookaside.app.capture..")
                .check(APP);
        noClasses().that().resideInAPackage("io.lookaside.app.capture..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lookaside.app.messages..")
                .check(APP);
    }
}

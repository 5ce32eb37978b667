package io.lookaside;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries of docs/architecture.md, checked on the compiled decoder. */
class ArchitectureTest {
    private static final JavaClasses DECODER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.lookaside");

    @Test
    void decoderNeverDependsOnJavaFxOrJFreeChart() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..")
                .check(DECODER);
    }

    @Test
    void pcap4jIsUsedOnlyInCapture() {
        noClasses().that().resideOutsideOfPackage("io.lookaside.capture..")
                .should().dependOnClassesThat().resideInAPackage("org.pcap4j..")
                .check(DECODER);
    }

    @Test
    void decodersNeverDependOnSessionOrLaterStages() {
        // Data flows one way: capture → net/tcp → wire → ninep|fuse → session → lifecycle → whatif → analysis → report.
        noClasses().that().resideInAnyPackage("io.lookaside.wire..", "io.lookaside.net..", "io.lookaside.tcp..",
                        "io.lookaside.ninep..", "io.lookaside.fuse..", "io.lookaside.capture..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lookaside.session..",
                        "io.lookaside.lifecycle..", "io.lookaside.whatif..", "io.lookaside.analysis..",
                        "io.lookaside.report..", "io.lookaside.cli..", "io.lookaside.live..")
                .check(DECODER);
    }

    @Test
    void liveSessionsSitBetweenCaptureAndSession() {
        // live runs a capture.live source into a SessionBuilder; the analysis stages and the sources never see it.
        noClasses().that().resideInAnyPackage("io.lookaside.session..", "io.lookaside.lifecycle..",
                        "io.lookaside.whatif..", "io.lookaside.analysis..", "io.lookaside.report..")
                .should().dependOnClassesThat().resideInAPackage("io.lookaside.live..")
                .check(DECODER);
    }

    @Test
    void analysisStagesNeverDependOnTheCli() {
        noClasses().that().resideOutsideOfPackage("io.lookaside.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.lookaside.cli..")
                .check(DECODER);
    }
}

package io.lookaside.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import javafx.application.HostServices;
import org.junit.jupiter.api.Test;

/**
 * The workbench shows what a capture names (paths, xattr values, strace fd paths, version
 * strings) and never acts on it: it starts no process, opens no document or URL, and reads no
 * Java serialization or default-typed JSON.
 */
class UntrustedInputAppArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.lookaside.app");

    @Test
    void workbenchNeverStartsAProcessOrOpensADocument() {
        noClasses().should().dependOnClassesThat().areAssignableTo(ProcessBuilder.class).check(APP);
        noClasses().should().callMethodWhere(DescribedPredicate.describe("Runtime.exec",
                call -> call.getTargetOwner().isEquivalentTo(Runtime.class) && call.getName().equals("exec")))
                .check(APP);
        noClasses().should().callMethod(HostServices.class, "showDocument", String.class).check(APP);
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.awt.Desktop").check(APP);
    }

    @Test
    void workbenchNeverReadsJavaSerializationOrDefaultTypedJson() {
        noClasses().should().dependOnClassesThat().areAssignableTo(java.io.ObjectInputStream.class).check(APP);
        noClasses().should().callMethodWhere(DescribedPredicate.describe("Jackson default typing",
                call -> call.getTargetOwner().getPackageName().startsWith("com.fasterxml.jackson")
                        && call.getName().matches("(activate|enable|set)DefaultTyping.*")))
                .check(APP);
    }
}

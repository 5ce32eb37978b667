package io.lookaside;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A capture is untrusted input, and so are the JSON reports that {@code diff} reads: nothing in
 * the decoder turns such bytes into code or commands. Jackson is never given default typing or
 * class-named polymorphic types (the gadget-chain deserialization attacks), Java serialization
 * is never read, and no process is started (strings from a capture never reach a shell). The one
 * exception is a live source ({@code capture.live}), which starts the tool it captures through
 * (dumpcap, strace) with an argument list made of the user's options: never a shell, never bytes
 * of a capture.
 */
class UntrustedInputArchitectureTest {
    private static final JavaClasses DECODER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.lookaside");

    /** Jackson's switches for default typing: ObjectMapper and MapperBuilder, old and new names. */
    static final DescribedPredicate<JavaMethodCall> DEFAULT_TYPING = DescribedPredicate.describe(
            "Jackson default typing (activateDefaultTyping, enableDefaultTyping, setDefaultTyping)",
            call -> call.getTargetOwner().getPackageName().startsWith("com.fasterxml.jackson")
                    && call.getName().matches("(activate|enable|set)DefaultTyping.*"));

    @Test
    void nobodyActivatesJacksonDefaultTyping() {
        noClasses().should().callMethodWhere(DEFAULT_TYPING).check(DECODER);
    }

    @Test
    void nobodyDeclaresPolymorphicTypesNamedByClass() {
        classes().should(notUseJsonTypeInfoWithClassIds()).check(DECODER);
    }

    @Test
    void nobodyReadsJavaSerialization() {
        noClasses().should().dependOnClassesThat().areAssignableTo(java.io.ObjectInputStream.class).check(DECODER);
    }

    @Test
    void nobodyStartsAProcessOrOpensADocument() {
        noClasses().that().resideOutsideOfPackage("io.lookaside.capture.live..")
                .should().dependOnClassesThat().areAssignableTo(ProcessBuilder.class).check(DECODER);
        noClasses().should().callMethodWhere(DescribedPredicate.describe("Runtime.exec",
                call -> call.getTargetOwner().isEquivalentTo(Runtime.class) && call.getName().equals("exec")))
                .check(DECODER);
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.awt.Desktop").check(DECODER);
    }

    @Test
    void rulesCatchWhatTheyForbid() {
        JavaClasses bad = new ClassFileImporter().importClasses(Forbidden.class, Forbidden.Payload.class);

        assertThatThrownBy(() -> noClasses().should().callMethodWhere(DEFAULT_TYPING).check(bad))
                .isInstanceOf(AssertionError.class).hasMessageContaining("activateDefaultTyping");
        assertThatThrownBy(() -> classes().should(notUseJsonTypeInfoWithClassIds()).check(bad))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Forbidden$Payload");
    }

    /** What the rules forbid, so that a rule that matches nothing fails. */
    static final class Forbidden {
        static ObjectMapper mapper() {
            return new ObjectMapper().activateDefaultTyping(LaissezFaireSubTypeValidator.instance);
        }

        @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
        record Payload(Object value) {
        }
    }

    /** {@code @JsonTypeInfo(use = CLASS or MINIMAL_CLASS)} on a type, a member or a parameter. */
    static ArchCondition<JavaClass> notUseJsonTypeInfoWithClassIds() {
        Set<String> byClass = Set.of(JsonTypeInfo.Id.CLASS.name(), JsonTypeInfo.Id.MINIMAL_CLASS.name());
        return new ArchCondition<JavaClass>("not use @JsonTypeInfo with a class name as type id") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                List<JavaAnnotation<?>> found = new ArrayList<>(c.getAnnotations());
                for (JavaMember m : c.getMembers()) {
                    found.addAll(m.getAnnotations());
                    if (m instanceof JavaCodeUnit u) {
                        for (JavaParameter p : u.getParameters()) {
                            found.addAll(p.getAnnotations());
                        }
                    }
                }
                for (JavaAnnotation<?> a : found) {
                    if (a.getRawType().isEquivalentTo(JsonTypeInfo.class)
                            && a.get("use").map(Object::toString).filter(u -> byClass.stream().anyMatch(u::endsWith)).isPresent()) {
                        events.add(SimpleConditionEvent.violated(c, a.getDescription() + " in " + c.getName()));
                    }
                }
            }
        };
    }
}

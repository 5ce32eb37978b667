package io.lookaside.ninep;

import static io.lookaside.ninep.NinePFixtures.AFID;
import static io.lookaside.ninep.NinePFixtures.FID;
import static io.lookaside.ninep.NinePFixtures.QID;
import static io.lookaside.ninep.NinePFixtures.TAG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookaside.ninep.NinePFixtures.Fixture;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The records' contract with JSON output: Jackson writes exactly the spec-named components. */
class NinePMessageTest {
    private final ObjectMapper mapper = new ObjectMapper();

    static List<Fixture> fixtures() {
        return NinePFixtures.all();
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void valueToTreeKeysAreTheRecordComponentsEveryRecord(Fixture f) {
        List<String> components = Arrays.stream(f.expected().getClass().getRecordComponents())
                .map(RecordComponent::getName).toList();

        assertThat(keys(mapper.valueToTree(f.expected())))
                .containsExactlyInAnyOrderElementsOf(components);
    }

    @Test
    void valueToTreeTattachSpecKeysAndUnsignedFids() {
        JsonNode json = mapper.valueToTree(new Tattach(TAG, FID, AFID, "root", "/srv", 0L));

        assertThat(keys(json)).containsExactlyInAnyOrder("tag", "fid", "afid", "uname", "aname", "n_uname");
        assertThat(json.get("fid").asLong()).isEqualTo(4_000_000_001L);
    }

    @Test
    void valueToTreeNestedQidStatAndDirentSpecKeys() {
        JsonNode walk = mapper.valueToTree(new Rwalk(TAG, List.of(QID)));
        JsonNode stat = mapper.valueToTree(NinePFixtures.statRecord(true));
        JsonNode dir = mapper.valueToTree(new Rreaddir(TAG, 25, List.of(new Dirent(QID, 1, 4, "."))));

        assertThat(keys(walk.get("qids").get(0))).containsExactlyInAnyOrder("type", "version", "path");
        assertThat(keys(stat)).containsExactlyInAnyOrder("size", "type", "dev", "qid", "mode", "atime",
                "mtime", "length", "name", "uid", "gid", "muid", "extension", "n_uid", "n_gid", "n_muid");
        assertThat(keys(dir.get("entries").get(0))).containsExactlyInAnyOrder("qid", "offset", "type", "name");
    }

    @Test
    void valueToTreeRenamedTypeFieldsLockTypeAndFstype() {
        JsonNode lock = mapper.valueToTree(new Tlock(TAG, FID, 1, 0, 0, 0, 7, "h"));
        JsonNode statfs = mapper.valueToTree(new Rstatfs(TAG, 0x01021994L, 4096, 0, 0, 0, 0, 0, 0, 255));

        assertThat(keys(lock)).contains("lock_type", "proc_id", "client_id").doesNotContain("type");
        assertThat(keys(statfs)).contains("fstype", "namelen").doesNotContain("type");
    }

    @Test
    void valueToTreeWalkListsAsArrays() {
        JsonNode json = mapper.valueToTree(new Twalk(TAG, FID, FID + 1, List.of("usr", "bin")));

        assertThat(json.get("wnames").isArray()).isTrue();
        assertThat(json.get("wnames").get(1).asText()).isEqualTo("bin");
    }

    @Test
    void valueToTreeRreadNoPayloadOnlyCountAndOffset() {
        JsonNode json = mapper.valueToTree(new Rread(TAG, 70_000, Rread.DATA));

        assertThat(keys(json)).containsExactlyInAnyOrder("tag", "count", "dataOffset");
        assertThat(json.get("count").asLong()).isEqualTo(70_000);
    }

    @Test
    void typeNameMalformedAndUnknownCarryTheNumber() {
        assertThat(new Malformed(110, TAG, "x", 7).typeName()).isEqualTo("Twalk");
        assertThat(new Malformed(-1, -1, "x", 0).typeName()).isEqualTo("Malformed");
        assertThat(new Unknown(99, TAG, 7).typeName()).isEqualTo("type99");
    }
}

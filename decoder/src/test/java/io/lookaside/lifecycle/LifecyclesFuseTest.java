package io.lookaside.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.lifecycle.NodeLifetime.Count;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The FUSE half of {@link Lifecycles}: nodeids, their lookup counts and names, file handles. */
class LifecyclesFuseTest {
    private static NodeLifetime node(Lifecycles l, long nodeid) {
        List<NodeLifetime> found = l.nodes().stream().filter(n -> n.nodeid() == nodeid).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void nodesCountEveryEntryReplyAndForgetTakesThemOff() {
        FuseScript t = new FuseScript().lookup(1, "usr", 5);
        int second = t.next() + 1;
        t.lookup(1, "usr", 5);
        int forget = t.next();
        t.forget(5, 2);
        Lifecycles l = Lifecycles.of(t.session());

        NodeLifetime usr = node(l, 5);
        assertThat(usr.origin()).isEqualTo(NodeOrigin.LOOKUP);
        assertThat(usr.path()).isEqualTo("usr");
        assertThat(usr.counts()).extracting(Count::lookups).containsExactly(1L, 2L, 0L);
        assertThat(usr.counts().get(1).at()).isEqualTo(second);
        assertThat(usr.forgottenAt()).isEqualTo(forget);
        assertThat(usr.rememberedAtEnd()).isFalse();
    }

    @Test
    void aNegativeLookupGivesNoNodeButIsAttributedToItsPath() {
        FuseScript t = new FuseScript();
        int miss = t.next();
        t.lookup(1, "missing.h", 0);
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(l.nodes()).extracting(NodeLifetime::origin).containsExactly(NodeOrigin.ROOT);
        assertThat(l.path(miss)).isEqualTo("missing.h");
        assertThat(l.path(miss + 1)).isEqualTo("missing.h");
    }

    @Test
    void aNodeidForgottenThenReusedStartsANewLifetime() {
        FuseScript t = new FuseScript().lookup(1, "a", 5).forget(5, 1).lookup(1, "b", 5);
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(l.nodes()).filteredOn(n -> n.nodeid() == 5).extracting(NodeLifetime::path)
                .containsExactly("a", "b");
    }

    @Test
    void batchForgetTakesOffEachNodeid() {
        FuseScript t = new FuseScript().lookup(1, "a", 5).lookup(1, "b", 6).lookup(1, "b", 6).batchForget(5, 1, 6, 1);
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(node(l, 5).rememberedAtEnd()).isFalse();
        assertThat(node(l, 6).lookups()).isEqualTo(1);
        assertThat(l.nodesRememberedAtEnd()).extracting(NodeLifetime::nodeid).containsExactly(6L);
    }

    @Test
    void readdirplusEntriesCountButNotDotAndDotDot() {
        FuseScript t = new FuseScript().mkdir(1, "d", 5).opendir(5, 77).readdirplus(5, 77, "x", 6, "y", 7, "z", 0)
                .releasedir(5, 77);
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(node(l, 6).origin()).isEqualTo(NodeOrigin.READDIRPLUS);
        assertThat(node(l, 6).path()).isEqualTo("d/x");
        assertThat(node(l, 7).lookups()).isEqualTo(1);
        assertThat(node(l, 5).lookups()).as("'.' does not count").isEqualTo(1);
        assertThat(l.nodes()).extracting(NodeLifetime::nodeid).containsExactly(1L, 5L, 6L, 7L);
    }

    @Test
    void renameMovesTheNodeAndEverythingUnderIt() {
        FuseScript t = new FuseScript().mkdir(1, "a", 5).lookup(5, "f", 6).mkdir(1, "b", 7);
        int rename = t.next();
        t.rename(1, "a", 7, "c");
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(node(l, 5).path()).isEqualTo("b/c");
        assertThat(node(l, 6).path()).isEqualTo("b/c/f");
        assertThat(node(l, 6).pathAt(rename)).isEqualTo("a/f");
        assertThat(l.path(rename)).isEqualTo("a");
    }

    @Test
    void createOpensAHandleThatReleaseCloses() {
        FuseScript t = new FuseScript();
        int create = t.next() + 1;
        t.create(1, "o", 5, 42);
        int read = t.next();
        t.read(5, 42);
        int release = t.next() + 1;
        t.release(5, 42);
        t.open(5, 43);
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(node(l, 5).origin()).isEqualTo(NodeOrigin.CREATE);
        assertThat(l.handles()).extracting(HandleLifetime::fh).containsExactly(42L, 43L);
        HandleLifetime h = l.handles().get(0);
        assertThat(h.openedAt()).isEqualTo(create);
        assertThat(h.flags()).isEqualTo(0101);
        assertThat(h.path()).isEqualTo("o");
        assertThat(h.releasedAt()).isEqualTo(release);
        assertThat(l.handle(read)).isSameAs(h);
        assertThat(l.handlesOpenAtEnd()).extracting(HandleLifetime::fh).containsExactly(43L);
    }

    @Test
    void releaseWhoseReplyIsMissingReleasesAtTheRequest() {
        FuseScript t = new FuseScript().lookup(1, "f", 5).open(5, 42);
        int release = t.next();
        t.releaseUnanswered(5, 42);
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(l.handles().get(0).releasedAt()).isEqualTo(release);
    }

    @Test
    void aHandleFirstSeenInUseIsRecordedOpen() {
        FuseScript t = new FuseScript().lookup(1, "f", 5);
        int read = t.next();
        t.read(5, 99);
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(l.handles()).singleElement().satisfies(h -> {
            assertThat(h.fh()).isEqualTo(99);
            assertThat(h.openedAt()).isEqualTo(read);
            assertThat(h.flags()).isEqualTo(-1);
        });
    }

    @Test
    void unlinkAndNotificationsDropNamesAndAreAttributed() {
        FuseScript t = new FuseScript().lookup(1, "a", 5).lookup(1, "b", 6).lookup(1, "c", 7);
        t.unlink(1, "a");
        int inval = t.next();
        t.notifyInvalEntry(1, "b");
        int delete = t.next();
        t.notifyDelete(1, 7, "c");
        t.rename(1, "a", 1, "z");
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(l.path(inval)).isEqualTo("b");
        assertThat(l.path(delete)).isEqualTo("c");
        assertThat(node(l, 5).path()).as("an unlinked name does not move").isEqualTo("a");
    }

    @Test
    void aNodeidFirstSeenInUseWasLearntBeforeTheCapture() {
        FuseScript t = new FuseScript();
        int use = t.next();
        t.read(9, 1);
        t.lookup(9, "x", 10);
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(node(l, 9).origin()).isEqualTo(NodeOrigin.BEFORE_CAPTURE);
        assertThat(node(l, 9).createdAt()).isEqualTo(use);
        assertThat(node(l, 10).path()).isEqualTo("<nodeid 9>/x");
    }
}

package io.lookaside.lifecycle;

import static io.lookaside.lifecycle.NinePScript.dir;
import static io.lookaside.lifecycle.NinePScript.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.lifecycle.FidLifetime.PathChange;
import io.lookaside.session.Session;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecyclesTest {
    private static final String ANAME = "/srv/9p/rootfs";

    private static FidLifetime only(Lifecycles l, long fid) {
        List<FidLifetime> found = l.fids().stream().filter(f -> f.fid() == fid).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void walkBindsNewfidAtTheReplyWithAPathRelativeToTheAttachRoot() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1);
        t.twalk(0, 1, "usr", "include", "stdio.h");
        int reply = t.next() ;
        t.rwalk(dir(2), dir(3), file(4));
        Lifecycles l = Lifecycles.of(t.session());

        FidLifetime root = only(l, 0);
        FidLifetime f = only(l, 1);
        assertThat(root.origin()).isEqualTo(FidOrigin.ATTACH);
        assertThat(root.path()).isEqualTo("/");
        assertThat(f.origin()).isEqualTo(FidOrigin.WALK);
        assertThat(f.createdAt()).isEqualTo(reply);
        assertThat(f.source()).isEqualTo(root.index());
        assertThat(f.path()).isEqualTo("usr/include/stdio.h");
        assertThat(f.qidKnown()).isTrue();
        assertThat(f.qidPath()).isEqualTo(4);
        assertThat(f.openAtEnd()).isTrue();
        assertThat(l.path(reply - 1)).isEqualTo("usr/include/stdio.h");
        assertThat(l.path(reply)).isEqualTo("usr/include/stdio.h");
        assertThat(l.created(reply)).isSameAs(f);
        assertThat(l.fid(reply - 1)).isSameAs(root);
    }

    @Test
    void walkWithNoNamesClonesTheFidWithItsQid() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1).lookup(0, 1, "etc", dir(5));
        t.twalk(1, 2).rwalk();
        Lifecycles l = Lifecycles.of(t.session());

        FidLifetime clone = only(l, 2);
        assertThat(clone.origin()).isEqualTo(FidOrigin.CLONE);
        assertThat(clone.path()).isEqualTo("etc");
        assertThat(clone.qidPath()).isEqualTo(5);
    }

    @Test
    void partialWalkBindsNothingAndRecordsTheElementWhereItStopped() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1);
        int walk = t.next();
        t.twalk(0, 1, "opt", "nothere", "x.h").rwalk(dir(7));
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(l.fids()).extracting(FidLifetime::fid).containsExactly(0L);
        assertThat(l.path(walk)).isEqualTo("opt/nothere");
        assertThat(l.dentries().at(walk)).extracting(Lookup::path, Lookup::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple("opt", Lookup.Result.FOUND),
                org.assertj.core.groups.Tuple.tuple("opt/nothere", Lookup.Result.NOT_FOUND));
        Lookup miss = l.dentries().at(walk).get(1);
        assertThat(miss.dirQidKnown()).isTrue();
        assertThat(miss.dirQidPath()).isEqualTo(7);
    }

    @Test
    void walkAnsweredWithAnErrorBindsNothingAndIsAttributedToTheNameLookedUp() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1);
        int walk = t.next();
        t.miss(0, 1, "missing.h");
        t.twalk(0, 2, "secret").rlerror(13);
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(l.fids()).hasSize(1);
        assertThat(l.path(walk)).isEqualTo("missing.h");
        assertThat(l.path(walk + 1)).isEqualTo("missing.h");
        assertThat(l.dentries().lookups("missing.h")).singleElement()
                .satisfies(x -> assertThat(x.result()).isEqualTo(Lookup.Result.NOT_FOUND));
        assertThat(l.dentries().lookups("secret")).singleElement()
                .satisfies(x -> assertThat(x.result()).isEqualTo(Lookup.Result.FAILED));
    }

    @Test
    void walkOntoItselfRebindsTheFid() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1).lookup(0, 1, "usr", dir(2));
        int reply = t.next() + 1;
        t.twalk(1, 1, "lib").rwalk(dir(3));
        Lifecycles l = Lifecycles.of(t.session());

        List<FidLifetime> fid1 = l.fids().stream().filter(f -> f.fid() == 1).toList();
        assertThat(fid1).extracting(FidLifetime::path, FidLifetime::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("usr", FidEnd.REBOUND),
                        org.assertj.core.groups.Tuple.tuple("usr/lib", FidEnd.CAPTURE_END));
        assertThat(fid1.get(0).endedAt()).isEqualTo(reply);
        assertThat(fid1.get(1).createdAt()).isEqualTo(reply);
    }

    @Test
    void clunkFreesTheFidWhateverTheReply() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1).lookup(0, 1, "usr", dir(2));
        int reply = t.next() + 1;
        t.tclunk(1).rlerror(9);
        t.twalk(0, 1, "etc").rwalk(dir(5));
        Lifecycles l = Lifecycles.of(t.session());

        List<FidLifetime> fid1 = l.fids().stream().filter(f -> f.fid() == 1).toList();
        assertThat(fid1).hasSize(2);
        assertThat(fid1.get(0).end()).isEqualTo(FidEnd.CLUNKED);
        assertThat(fid1.get(0).endedAt()).isEqualTo(reply);
        assertThat(fid1.get(1).origin()).isEqualTo(FidOrigin.WALK);
        assertThat(fid1.get(1).path()).isEqualTo("etc");
    }

    @Test
    void removeFreesTheFidEvenWhenTheRemoveFails() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1).lookup(0, 1, "usr", dir(2));
        t.tremove(1).rlerror(39);
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(only(l, 1).end()).isEqualTo(FidEnd.REMOVED);
    }

    @Test
    void clunkWhoseReplyIsNotInTheCaptureEndsTheFidAtTheRequest() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1).lookup(0, 1, "usr", dir(2));
        int clunk = t.next();
        t.tclunk(1);
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(only(l, 1).end()).isEqualTo(FidEnd.CLUNKED);
        assertThat(only(l, 1).endedAt()).isEqualTo(clunk);
    }

    @Test
    void versionEndsEveryFidOfItsConnectionOnly() {
        NinePScript t = new NinePScript();
        int other = t.connection("10.0.2.15:41001>127.0.0.1:564");
        t.attach(0, ANAME, 1);
        t.on(0).attach(0, ANAME, 1).lookup(0, 1, "usr", dir(2));
        int version = t.next();
        t.tversion().rversion();
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(l.fids()).filteredOn(f -> f.conn() == 0)
                .extracting(FidLifetime::end).containsOnly(FidEnd.VERSION_RESET);
        assertThat(l.fids()).filteredOn(f -> f.conn() == 0)
                .extracting(FidLifetime::endedAt).containsOnly(version);
        assertThat(l.fids()).filteredOn(f -> f.conn() == other)
                .extracting(FidLifetime::end).containsOnly(FidEnd.CAPTURE_END);
    }

    @Test
    void fidFirstSeenInUseWasBornBeforeTheCaptureAndShowsWhereItWasWalkedFrom() {
        NinePScript t = new NinePScript();
        int use = t.next();
        t.twalk(7, 8, "lib").rwalk(dir(3));
        Lifecycles l = Lifecycles.of(t.session());

        FidLifetime old = only(l, 7);
        assertThat(old.origin()).isEqualTo(FidOrigin.BEFORE_CAPTURE);
        assertThat(old.createdAt()).isEqualTo(use);
        assertThat(old.path()).isEqualTo("<fid 7>");
        assertThat(only(l, 8).path()).isEqualTo("<fid 7>/lib");
    }

    @Test
    void fidOfUnknownLocationTakesThePathItsQidIsKnownBy() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1).lookup(0, 1, "etc", dir(5));
        int getattr = t.next();
        t.tgetattr(9, 0x3fff).rgetattr(dir(5), 4096);
        Lifecycles l = Lifecycles.of(t.session());

        FidLifetime old = only(l, 9);
        assertThat(old.path()).isEqualTo("etc");
        assertThat(old.pathAt(getattr)).isEqualTo("<fid 9>");
        assertThat(old.pathHistory()).extracting(PathChange::path).containsExactly("<fid 9>", "etc");
    }

    @Test
    void lopenRecordsTheOpenFlagsAtTheReply() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1).lookup(0, 1, "f", file(2));
        t.twalk(1, 2).rwalk();
        int reply = t.next() + 1;
        t.tlopen(2, 0100002).rlopen(file(2));
        t.twalk(1, 3).rwalk();
        t.tlopen(3, 0).rlerror(13);
        Lifecycles l = Lifecycles.of(t.session());

        FidLifetime opened = only(l, 2);
        assertThat(opened.opened()).isTrue();
        assertThat(opened.openedAt()).isEqualTo(reply);
        assertThat(opened.openFlags()).isEqualTo(0100002);
        assertThat(only(l, 3).opened()).isFalse();
    }

    @Test
    void openWithOrcloseIsRemembered() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1).lookup(0, 1, "f", file(2));
        t.topen(1, 0x40 | 2).ropen(file(2));
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(only(l, 1).orclose()).isTrue();
    }

    @Test
    void lcreateTurnsTheDirectoryFidIntoTheOpenedNewFile() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1).lookup(0, 1, "tmp", dir(2));
        t.twalk(1, 2).rwalk();
        int reply = t.next() + 1;
        t.tlcreate(2, "new.o", 0101).rlcreate(file(9));
        Lifecycles l = Lifecycles.of(t.session());

        List<FidLifetime> fid2 = l.fids().stream().filter(f -> f.fid() == 2).toList();
        assertThat(fid2).extracting(FidLifetime::origin).containsExactly(FidOrigin.CLONE, FidOrigin.CREATE);
        assertThat(fid2.get(0).end()).isEqualTo(FidEnd.REBOUND);
        FidLifetime file = fid2.get(1);
        assertThat(file.path()).isEqualTo("tmp/new.o");
        assertThat(file.openedAt()).isEqualTo(reply);
        assertThat(file.openFlags()).isEqualTo(0101);
        assertThat(file.qidPath()).isEqualTo(9);
        assertThat(l.path(reply)).isEqualTo("tmp/new.o");
    }

    @Test
    void renameatMovesEveryFidAtOrUnderTheOldName() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1).lookup(0, 1, "tmp", dir(2));
        t.lookup(1, 2, "a", dir(3)).lookup(2, 3, "b", file(4)).lookup(1, 4, "ab", file(5));
        int rename = t.next();
        t.trenameat(1, "a", 1, "c").rrenameat();
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(only(l, 2).path()).isEqualTo("tmp/c");
        assertThat(only(l, 3).path()).isEqualTo("tmp/c/b");
        assertThat(only(l, 3).pathAt(rename)).isEqualTo("tmp/a/b");
        assertThat(only(l, 3).pathAt(rename + 1)).isEqualTo("tmp/c/b");
        assertThat(only(l, 4).path()).isEqualTo("tmp/ab");
        assertThat(l.path(rename)).isEqualTo("tmp/a");
    }

    @Test
    void renameMovesTheFidAndAFailedRenameMovesNothing() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1).lookup(0, 1, "tmp", dir(2));
        t.lookup(1, 2, "f1", file(3)).lookup(1, 3, "f2", file(4));
        t.trename(2, 1, "g1").rrename();
        t.trename(3, 1, "g2").rlerror(18);
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(only(l, 2).path()).isEqualTo("tmp/g1");
        assertThat(only(l, 3).path()).isEqualTo("tmp/f2");
    }

    @Test
    void xattrwalkBindsAFidForTheAttributeAndXattrcreateIsRemembered() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1).lookup(0, 1, "f", file(2));
        t.txattrwalk(1, 2, "user.x").rxattrwalk(4);
        int create = t.next() + 1;
        t.txattrcreate(1, "user.y").rxattrcreate();
        Lifecycles l = Lifecycles.of(t.session());

        FidLifetime x = only(l, 2);
        assertThat(x.origin()).isEqualTo(FidOrigin.XATTRWALK);
        assertThat(x.path()).isEqualTo("f");
        assertThat(only(l, 1).xattrCreateAt()).isEqualTo(create);
    }

    @Test
    void openAtEndListsTheFidsStillBound() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1).lookup(0, 1, "a", file(2)).lookup(0, 2, "b", file(3));
        t.tclunk(1).rclunk();
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(l.openAtEnd()).extracting(FidLifetime::fid).containsExactly(0L, 2L);
    }

    @Test
    void sameFidNumbersOnTwoConnectionsAreIndependent() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1).lookup(0, 1, "a", file(2));
        int other = t.connection("10.0.2.15:41001>127.0.0.1:564");
        t.attach(0, ANAME, 1).lookup(0, 1, "b", file(3));
        t.on(0).tclunk(1).rclunk();
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(l.fids()).filteredOn(f -> f.fid() == 1)
                .extracting(FidLifetime::conn, FidLifetime::path, FidLifetime::end)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(0, "a", FidEnd.CLUNKED),
                        org.assertj.core.groups.Tuple.tuple(other, "b", FidEnd.CAPTURE_END));
    }

    @Test
    void flushedWalkBindsNothing() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1);
        t.twalk(0, 1, "slow").tflush(0).rflush();
        Session s = t.session();
        Lifecycles l = Lifecycles.of(s);

        assertThat(l.fids()).hasSize(1);
    }

    @Test
    void replyWithoutItsRequestHasNoPath() {
        NinePScript t = new NinePScript();
        t.rclunk();
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(l.path(0)).isNull();
        assertThat(l.fid(0)).isNull();
    }

    @Test
    void entryQidNamesWhatAnUnlinkRenameOrCreateActedOn() {
        NinePScript t = new NinePScript().attach(0, ANAME, 1).lookup(0, 1, "tmp", dir(2));
        t.lookup(1, 2, "a", file(3));
        int unlink = t.next();
        t.tunlinkat(1, "a", 0).runlinkat();
        t.twalk(1, 3).rwalk();
        int create = t.next();
        t.tlcreate(3, "b", 0101).rlcreate(file(4));
        int rename = t.next();
        t.trenameat(1, "b", 1, "c").rrenameat();
        int unknown = t.next();
        t.tunlinkat(1, "never-seen", 0).runlinkat();
        int failed = t.next();
        t.tunlinkat(1, "c", 0).rlerror(1);
        Lifecycles l = Lifecycles.of(t.session());

        assertThat(l.entryQid(unlink)).hasValue(3);
        assertThat(l.entryQid(unlink + 1)).hasValue(3);
        assertThat(l.entryQid(create)).hasValue(4);
        assertThat(l.entryQid(rename)).hasValue(4);
        assertThat(l.entryQid(unknown)).isEmpty();
        assertThat(l.entryQid(failed)).isEmpty();
    }
}

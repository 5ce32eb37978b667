package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Rversion;
import io.lookaside.ninep.Tattach;
import io.lookaside.ninep.Tversion;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The session could not be set up: Tversion refused (an error, or Rversion "unknown",
 * version(5)), or no Tattach of a connection succeeded (attach(5)). A failed Tauth followed by a
 * successful Tattach is the normal "no authentication required" (diod answers Tauth with
 * ENOENT), not a failure.
 */
public final class SetupErrorsRule implements Rule {

    @Override
    public String id() {
        return "setup-errors";
    }

    @Override
    public String title() {
        return "Mount refused";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP);
    }

    @Override
    public Finding evaluate(RuleInput in) {
        Session s = in.session();
        Exchanges x = in.exchanges();
        Set<Integer> attached = new HashSet<>();
        for (int k = 0; k < x.size(); k++) {
            if (s.typeCode(x.index(k)) == NinePTypes.TATTACH && x.answered(k) && x.error(k) == null) {
                attached.add(s.conn(x.index(k)));
            }
        }
        List<Integer> failed = new ArrayList<>();
        List<String> what = new ArrayList<>();
        boolean version = false;
        for (int k = 0; k < x.size(); k++) {
            int i = x.index(k);
            int type = s.typeCode(i);
            if (type != NinePTypes.TVERSION && type != NinePTypes.TATTACH && type != NinePTypes.TAUTH) {
                continue;
            }
            boolean refused = x.error(k) != null;
            if (!refused && type == NinePTypes.TVERSION && x.answered(k)
                    && s.message(s.peer(i)) instanceof Rversion r && "unknown".equals(r.version())) {
                refused = true;
            }
            if (!refused || (type != NinePTypes.TVERSION && attached.contains(s.conn(i)))) {
                continue;
            }
            failed.add(i);
            String reason = x.error(k) != null ? x.error(k) : "version unknown";
            if (s.message(i) instanceof Tversion v) {
                version = true;
                what.add("Tversion \"" + v.version() + "\" refused (" + reason + ")");
            } else if (s.message(i) instanceof Tattach a) {
                what.add("Tattach of \"" + a.aname() + "\" as \"" + a.uname() + "\" failed (" + reason + ")");
            } else {
                what.add(x.op(k) + " failed (" + reason + ")");
            }
        }
        if (failed.isEmpty()) {
            return Finding.ok(this, "The session was set up without errors.");
        }
        String summary = String.join("; ", what.subList(0, Math.min(3, what.size())))
                + (what.size() > 3 ? " and " + (what.size() - 3) + " more" : "") + ": the mount failed.";
        String explanation = version
                ? "The server does not speak the protocol version the client proposed (version(5)); without an "
                + "agreed version no other request can be sent, so the mount fails."
                : "The server refused to attach the client to the file tree (attach(5)): a wrong export name (aname), "
                + "a user the server does not know, or an authentication the server requires.";
        String fix = version
                ? "Mount with a version the server offers: Linux servers such as diod speak only 9P2000.L "
                + "(mount option version=9p2000.L)."
                : "Check the aname (mount option aname=) against the server's exports, and the user mapping "
                + "(access=, uname=) against the server's configuration.";
        return Finding.scored(this, 100, summary, explanation, fix, 0, Evidence.messages(RuleInput.firstFew(failed)));
    }
}

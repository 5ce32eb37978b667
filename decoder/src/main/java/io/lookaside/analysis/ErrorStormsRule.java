package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The same error again and again: an operation the server does not implement (the client pays
 * a round trip, then falls back), a probe that always fails (an extended attribute the file
 * system never has), a permission the workload keeps running into. Lookups of missing names
 * are left to {@link NegativeLookupsRule}; refused Tauth means no authentication is needed.
 */
public final class ErrorStormsRule implements Rule {
    static final double INFO_SHARE = 0.01;
    static final double WARNING_SHARE = 0.05;
    /** Fewer errors of one kind than this are not a storm. */
    static final int MIN_ERRORS = 10;

    @Override
    public String id() {
        return "error-storms";
    }

    @Override
    public String title() {
        return "Repeated errors";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP, Protocol.FUSE);
    }

    /**
     * Errors that are no storm: lookups answered ENOENT (the negative-lookups rule's business) and
     * Tauth refusals, which mean "no authentication required" (attach(5); diod answers ENOENT).
     */
    private static boolean isExpected(String op, String error) {
        return "Tauth".equals(op) || "ENOENT".equals(error) && ("Twalk".equals(op) || "LOOKUP".equals(op));
    }

    /** What a kind of repeated error usually means, and what to do about it. */
    private enum Kind {
        UNSUPPORTED("\"Not supported\" means the server lacks the operation. The Linux 9P client does not "
                + "remember it and asks again at every call before falling back (Tunlinkat → Tremove, "
                + "Trenameat → Trename), so each unlink or rename costs two round trips.",
                "Use a server (or server version) that implements these operations, so that each call takes one "
                        + "round trip instead of a failure and a fallback."),
        NO_XATTR("The kernel asks for extended attributes the file system does not have: security.capability "
                + "before every write to a file and on exec, POSIX ACLs on access checks. Each answer is "
                + "\"no such attribute\" and nothing caches it.",
                "FUSE: if the file system has no extended attributes, let the daemon answer GETXATTR with ENOSYS "
                        + "once (libfuse: leave getxattr unimplemented): the kernel then stops asking. 9P: no Linux "
                        + "v9fs mount option stops the security.capability lookups: they come from the capability "
                        + "checks before each buffered write (file_remove_privs, cache=loose) and on exec, not from "
                        + "ACL support, so leaving out posixacl changes nothing; with cache=none writes skip them."),
        DENIED("Permission errors that repeat are the workload trying the same forbidden thing.",
                "Fix the permissions or the user mapping (9P access=/uname=, FUSE -o allow_other, "
                        + "default_permissions), or stop the workload from trying."),
        OTHER("The evidence lists the first failing requests.",
                "Find what in the workload sends these requests (the evidence frames) and stop it, or fix the "
                        + "paths it runs into.");

        final String why;
        final String fix;

        Kind(String why, String fix) {
            this.why = why;
            this.fix = fix;
        }

        static Kind of(String op, String error) {
            return switch (error) {
                case "EOPNOTSUPP", "ENOTSUPP", "ENOSYS" -> op.contains("xattr") || op.contains("XATTR") ? NO_XATTR : UNSUPPORTED;
                case "ENODATA" -> op.contains("xattr") || op.contains("XATTR") ? NO_XATTR : OTHER;
                case "EACCES", "EPERM" -> DENIED;
                default -> OTHER;
            };
        }
    }

    @Override
    public Finding evaluate(RuleInput in) {
        Exchanges x = in.exchanges();
        Map<String, List<Integer>> byKind = new LinkedHashMap<>();
        Map<String, Long> waitByKind = new LinkedHashMap<>();
        Map<String, Kind> kindOf = new LinkedHashMap<>();
        for (int k = 0; k < x.size(); k++) {
            String e = x.error(k);
            if (e == null || isExpected(x.op(k), e)) {
                continue;
            }
            String kind = x.op(k) + " " + e;
            byKind.computeIfAbsent(kind, c -> new ArrayList<>()).add(k);
            waitByKind.merge(kind, Math.max(0, x.waitNanos(k)), Long::sum);
            kindOf.putIfAbsent(kind, Kind.of(x.op(k), e));
        }
        List<String> storms = byKind.entrySet().stream().filter(e -> e.getValue().size() >= MIN_ERRORS)
                .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                .map(Map.Entry::getKey).toList();
        if (storms.isEmpty()) {
            int errors = byKind.values().stream().mapToInt(List::size).sum();
            return Finding.ok(this, errors == 0 ? "No error besides lookups of missing names and authentication refusals."
                    : Words.count(errors, "error") + " besides lookups of missing names and authentication refusals, "
                    + "no kind " + MIN_ERRORS + " times or more.");
        }
        long count = 0;
        long wait = 0;
        StringBuilder kinds = new StringBuilder();
        List<Integer> evidence = new ArrayList<>();
        Set<Kind> seen = new LinkedHashSet<>();
        for (String kind : storms) {
            List<Integer> ks = byKind.get(kind);
            count += ks.size();
            wait += waitByKind.get(kind);
            kinds.append(kinds.length() == 0 ? "" : ", ").append(kind).append(" ×").append(ks.size());
            seen.add(kindOf.get(kind));
            for (int k : ks) {
                if (evidence.size() < Evidence.LIMIT) {
                    evidence.add(x.index(k));
                }
            }
        }
        double share = (double) count / Math.max(1, x.size());
        String summary = count + " requests failed the same way again and again (" + kinds + "): "
                + Durations.format(wait) + " of wait, " + Durations.percent(share) + " of all requests.";
        String explanation = "An error that repeats costs a full round trip each time and changes nothing. "
                + String.join(" ", seen.stream().map(k -> k.why).toList());
        String fix = String.join(" ", seen.stream().map(k -> k.fix).toList())
                + (seen.contains(Kind.NO_XATTR) ? in.projection("xattr-negative", "fuse-xattr-negative") : "");
        return Finding.scored(this, Score.of(share, INFO_SHARE, WARNING_SHARE), summary, explanation, fix, wait,
                Evidence.messages(evidence));
    }
}

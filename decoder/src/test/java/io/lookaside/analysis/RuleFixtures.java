package io.lookaside.analysis;

import io.lookaside.capture.CaptureException;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import java.util.List;

/** Runs one rule on a session the way the analyzer does, without models. */
final class RuleFixtures {
    private RuleFixtures() {
    }

    static Finding evaluate(Rule rule, Session s) {
        return Analyzer.analyze(s, Lifecycles.of(s), List.of(), List.of(), List.of(rule)).findings().get(0);
    }

    /** The sum of every answered request's wait in a sample: what findings' wait shares divide by. */
    static long totalWait(String sample) throws CaptureException {
        Session s = ExchangesTest.load(sample);
        return Analyzer.analyze(s, Lifecycles.of(s), List.of(), List.of(), List.of()).operations().stream()
                .mapToLong(OperationStats::totalNanos).sum();
    }

    static Finding evaluate(Rule rule, String sample) throws CaptureException {
        return evaluate(rule, ExchangesTest.load(sample));
    }

    /** The numbers of a sidecar line such as "failed LOOKUPs: 1454 total, 204 distinct names, 1250 repeats". */
    static long[] numbers(String sidecar, String prefix) {
        for (String line : io.lookaside.Sidecars.lines(sidecar)) {
            if (line.startsWith(prefix)) {
                return java.util.regex.Pattern.compile("\\d+").matcher(line.substring(prefix.length())).results()
                        .mapToLong(m -> Long.parseLong(m.group())).toArray();
            }
        }
        throw new IllegalArgumentException(sidecar + " has no line " + prefix);
    }
}

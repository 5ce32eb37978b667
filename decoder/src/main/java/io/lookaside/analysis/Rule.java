package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import java.util.Set;

/**
 * One automated check of a capture, in the style of JDK Mission Control's rules: a small final
 * class without state, listed explicitly in {@link Rules#ALL}. It reads the analysed capture and
 * returns one {@link Finding} (severity OK when there is nothing to report).
 */
public interface Rule {

    /** Stable id, a JSON value and a command-line name: {@code negative-lookups}. */
    String id();

    /** A short title for tables. */
    String title();

    /** The protocols it applies to; it is not run on a capture with none of them. */
    Set<Protocol> protocols();

    Finding evaluate(RuleInput input);
}

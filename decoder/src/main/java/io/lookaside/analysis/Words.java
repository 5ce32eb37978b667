package io.lookaside.analysis;

/** Counted nouns for summaries: "1 clunk", "3 clunks". */
final class Words {
    private Words() {
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

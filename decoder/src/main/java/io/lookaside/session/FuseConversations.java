package io.lookaside.session;

/** Placeholder until FUSE decoding lands: FUSE conversations are created here. */
final class FuseConversations {
    private FuseConversations() {
    }

    static Conversation create(int index, String id) {
        throw new UnsupportedOperationException("FUSE input is not supported yet");
    }
}

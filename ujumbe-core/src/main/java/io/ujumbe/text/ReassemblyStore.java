package io.ujumbe.text;

import java.util.concurrent.CompletionStage;

/**
 * Where the parts of inbound multipart messages wait until the application has taken the whole
 * message. Parts already acknowledged to the SMSC are never dropped before that: when the
 * application fails on the last part, the SMSC resends only that part, and the kept parts make the
 * message whole again. {@link CaffeineReassembler} keeps them in memory (the default); a shared
 * store (Redis) also survives a crash of the process and joins parts that the SMSC spreads over
 * the binds of several processes.
 *
 * <p>The protocol: {@link #offer} each part with concatenation data; when the result is
 * {@link ReassemblyResult.Status#COMPLETE} the caller hands the message to the application and
 * then calls {@link #delivered} (its parts are dropped) or, if the application failed,
 * {@link #notDelivered} (the parts stay, and the next copy of any of its parts completes it again).
 * Exactly one caller gets COMPLETE for a set of parts until it calls one of those two. Every
 * stage completes; a failed one means nothing was stored (answer the SMSC with an error).
 */
public interface ReassemblyStore {

    /**
     * Stores one part of a multipart message (a part seen before is not stored twice).
     *
     * @throws InvalidPartException (or a stage failed with it) if the part cannot belong to the
     *     message its key names
     */
    CompletionStage<ReassemblyResult> offer(InboundPart part);

    /** The application took this message (from a COMPLETE result): its parts are dropped. */
    CompletionStage<Void> delivered(ReassembledMessage message);

    /** The application did not take this message: its parts stay, to be completed by a resent part. */
    CompletionStage<Void> notDelivered(ReassembledMessage message);
}

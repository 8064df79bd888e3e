package io.ujumbe.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** parse(format(r)) == r for the receipts the formatter can express. */
class DeliveryReceiptRoundTripTest {

    private static final String[] STATS = {"DELIVRD", "UNDELIV", "EXPIRED", "DELETED", "ACCEPTD", "UNKNOWN",
        "REJECTD", "ENROUTE", "SCHEDUL", "FAILED", "ACK", "BUFFRED", ""};

    @Property(tries = 300)
    void parseOfFormatIsIdentityWithoutSeconds(@ForAll("receiptsInMinutes") DeliveryReceipt r) {
        String text = DeliveryReceiptFormatter.standard().format(r);

        assertThat(DeliveryReceiptParser.standard().parse(text)).as(text).contains(r);
    }

    @Property(tries = 300)
    void parseOfFormatIsIdentityWithSeconds(@ForAll("receiptsInSeconds") DeliveryReceipt r) {
        String text = DeliveryReceiptFormatter.withSeconds().format(r);

        assertThat(DeliveryReceiptParser.standard().parse(text)).as(text).contains(r);
    }

    @Property(tries = 200)
    void formatIsAFixpointForAnyDates(@ForAll("anyDate") LocalDateTime submit, @ForAll("anyDate") LocalDateTime done) {
        DeliveryReceipt r = DeliveryReceipt.builder().messageId("1").submitDate(submit).doneDate(done).build();
        DeliveryReceiptFormatter f = DeliveryReceiptFormatter.standard();

        String once = f.format(r);
        DeliveryReceipt back = DeliveryReceiptParser.standard().parse(once).orElseThrow();

        assertThat(f.format(back)).isEqualTo(once);
        assertThat(back.submitDate()).contains(submit.truncatedTo(ChronoUnit.MINUTES));
    }

    @Provide
    Arbitrary<DeliveryReceipt> receiptsInMinutes() {
        return receipts(DeliveryReceiptFormatter.standard());
    }

    @Provide
    Arbitrary<DeliveryReceipt> receiptsInSeconds() {
        return receipts(DeliveryReceiptFormatter.withSeconds());
    }

    @Provide
    Arbitrary<LocalDateTime> anyDate() {
        return Arbitraries.longs().between(0, 99L * 365 * 24 * 3600)
                .map(s -> LocalDateTime.of(2000, 1, 1, 0, 0).plusSeconds(s));
    }

    /** Receipts whose dates are written the way {@code f} writes them and whose text it keeps whole. */
    private Arbitrary<DeliveryReceipt> receipts(DeliveryReceiptFormatter f) {
        Arbitrary<String> ids = Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMinLength(1).ofMaxLength(16),
                Arbitraries.create(() -> UUID.randomUUID().toString()));
        Arbitrary<Integer> counts = Arbitraries.integers().between(-1, 999); // -1: absent
        Arbitrary<String> dates = Arbitraries.oneOf(anyDate().map(f::formatDate), Arbitraries.just(""));
        Arbitrary<String> stats = Arbitraries.of(STATS);
        Arbitrary<String> errs = Arbitraries.oneOf(Arbitraries.strings().numeric().ofLength(3), Arbitraries.just(""));
        Arbitrary<String> texts = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20)
                .map(String::strip);
        return Combinators.combine(ids, counts, counts, dates, dates, stats, errs, texts)
                .as((id, sub, dlvrd, submit, done, stat, err, text) -> {
                    DeliveryReceipt.Builder b = DeliveryReceipt.builder().messageId(id).submitDate(submit)
                            .doneDate(done).stat(stat).err(err).text(text);
                    if (sub >= 0) {
                        b.submitted(sub);
                    }
                    if (dlvrd >= 0) {
                        b.delivered(dlvrd);
                    }
                    return b.build();
                })
                // an id alone is not a receipt: the parser needs one more field
                .filter(r -> r.submitted().isPresent() || r.delivered().isPresent() || !r.submitDateText().isEmpty()
                        || !r.doneDateText().isEmpty() || !r.stat().isEmpty() || !r.err().isEmpty());
    }
}

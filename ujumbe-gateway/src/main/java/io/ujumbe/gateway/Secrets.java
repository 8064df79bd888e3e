package io.ujumbe.gateway;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How the gateway keeps secrets at rest: API keys as their SHA-256 (a key is long and random, so a
 * fast hash is enough and allows lookup by hash), passwords as PBKDF2-HMAC-SHA256 with a random salt
 * ({@code pbkdf2$<iterations>$<salt b64>$<hash b64>}), and the HMAC that signs callbacks.
 */
public final class Secrets {
    /** PBKDF2 iterations for new password hashes: about a millisecond or two on a server core. */
    public static final int PBKDF2_ITERATIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /**
     * The SHA-256 of a text, in lower-case hex.
     *
     * @param text the text (UTF-8)
     * @return 64 hex digits
     */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * A new PBKDF2 hash of a password, with a random salt.
     *
     * @param password the password
     * @return {@code pbkdf2$iterations$salt$hash}
     */
    public static String hashPassword(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2$" + PBKDF2_ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(pbkdf2(password, salt, PBKDF2_ITERATIONS));
    }

    /**
     * Whether a text is a hash {@link #hashPassword} makes.
     *
     * @param text the text
     * @return true for {@code pbkdf2$…}
     */
    public static boolean isPasswordHash(String text) {
        return text != null && text.startsWith("pbkdf2$") && text.split("\\$").length == 4;
    }

    /**
     * Checks a password against a hash, in time independent of where they differ.
     *
     * @param password the password given
     * @param hash the stored hash
     * @return true when they match
     */
    public static boolean verifyPassword(String password, String hash) {
        if (password == null || !isPasswordHash(hash)) {
            return false;
        }
        String[] p = hash.split("\\$");
        int iterations;
        try {
            iterations = Integer.parseInt(p[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(p[3]);
        byte[] actual = pbkdf2(password, Base64.getDecoder().decode(p[2]), iterations);
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * HMAC-SHA256 in lower-case hex.
     *
     * @param secret the key (UTF-8)
     * @param data the signed bytes
     * @return 64 hex digits
     */
    public static String hmacSha256Hex(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * Compares two texts in constant time.
     *
     * @param a one
     * @param b the other
     * @return true when equal
     */
    public static boolean constantTimeEquals(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }
}

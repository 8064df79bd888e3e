package io.ujumbe.session;

import javax.net.ssl.SSLContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * TLS for a session: PEM files or a ready {@link SSLContext}. For a client, either trusted
 * certificates (PEM) or the JVM's default trust store, and optionally trust-all for tests; for a
 * server, a certificate chain and a private key (PKCS#8 PEM). Built with the static factories.
 */
public final class TlsConfig {
    private final boolean server;
    private final Path certificateChainPem;
    private final Path privateKeyPem;
    private final Path trustedCertificatesPem;
    private final SSLContext sslContext;
    private final boolean insecureTrustAll;

    private TlsConfig(boolean server, Path chain, Path key, Path trusted, SSLContext ctx, boolean trustAll) {
        this.server = server;
        this.certificateChainPem = chain;
        this.privateKeyPem = key;
        this.trustedCertificatesPem = trusted;
        this.sslContext = ctx;
        this.insecureTrustAll = trustAll;
    }

    /** Client TLS that trusts the JVM's default trust store. */
    public static TlsConfig client() {
        return new TlsConfig(false, null, null, null, null, false);
    }

    /** Client TLS that trusts the certificates in this PEM file (e.g. a private CA or a self-signed SMSC). */
    public static TlsConfig clientTrusting(Path trustedCertificatesPem) {
        requireReadable("trustedCertificatesPem", trustedCertificatesPem);
        return new TlsConfig(false, null, null, trustedCertificatesPem, null, false);
    }

    /** Client TLS that accepts any certificate. For tests against a local simulator only. */
    public static TlsConfig clientInsecureTrustAll() {
        return new TlsConfig(false, null, null, null, null, true);
    }

    /** Server TLS from a PEM certificate chain and a PEM (PKCS#8) private key. */
    public static TlsConfig server(Path certificateChainPem, Path privateKeyPem) {
        requireReadable("certificateChainPem", certificateChainPem);
        requireReadable("privateKeyPem", privateKeyPem);
        return new TlsConfig(true, certificateChainPem, privateKeyPem, null, null, false);
    }

    /** TLS from an SSLContext the application built; {@code server} says which side it is for. */
    public static TlsConfig of(SSLContext sslContext, boolean server) {
        return new TlsConfig(server, null, null, null, Objects.requireNonNull(sslContext, "sslContext"), false);
    }

    private static void requireReadable(String name, Path p) {
        if (p == null || !Files.isReadable(p)) {
            throw new IllegalArgumentException(name + " must be a readable file, was " + p);
        }
    }

    public boolean isServer() {
        return server;
    }

    public Path certificateChainPem() {
        return certificateChainPem;
    }

    public Path privateKeyPem() {
        return privateKeyPem;
    }

    public Path trustedCertificatesPem() {
        return trustedCertificatesPem;
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    public boolean insecureTrustAll() {
        return insecureTrustAll;
    }

    @Override
    public String toString() {
        return "TlsConfig{" + (server ? "server" : "client")
                + (sslContext != null ? ", sslContext" : "")
                + (certificateChainPem != null ? ", chain=" + certificateChainPem : "")
                + (trustedCertificatesPem != null ? ", trust=" + trustedCertificatesPem : "")
                + (insecureTrustAll ? ", INSECURE trust-all" : "") + '}';
    }
}

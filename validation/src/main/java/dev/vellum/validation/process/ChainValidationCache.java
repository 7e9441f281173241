package dev.vellum.validation.process;

import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.Fetcher;
import dev.vellum.validation.trust.TrustAnchors;
import dev.vellum.validation.x509.CertificateRole;
import java.util.Arrays;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * EN 319 102-1 §5.2.6 results shared by the validations of one {@link ValidationServices} (so one
 * crypto policy and certificate model): keyed by target, role, the anchors object, the material by
 * content and origin, and the validation time. Only results that needed no fetching are kept, so a
 * hit is exactly what validating again would give; the problems reported are replayed on a hit.
 */
public final class ChainValidationCache {

    private static final int MAX_ENTRIES = 512;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    /** The chain validation of {@code target}, from the cache or computed (and kept when nothing was fetched). */
    public ChainValidation validate(X509CertificateValidation x509, X509Certificate target, CertificateRole role,
                                    TrustAnchors anchors, ValidationMaterial material, Instant time,
                                    Consumer<String> problems) {
        Key key = new Key(target, role, anchors, material, time);
        Entry entry = entries.get(key);
        if (entry == null) {
            List<String> reported = new ArrayList<>();
            long requests = Fetcher.requestsOnThisThread();
            ChainValidation chain = x509.validate(target, role, anchors, material, time, reported::add);
            entry = new Entry(chain, List.copyOf(reported));
            if (Fetcher.requestsOnThisThread() == requests) {
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
                entries.put(key, entry);
            }
        }
        entry.problems().forEach(problems);
        return entry.chain();
    }

    private record Entry(ChainValidation chain, List<String> problems) {
    }

    /** Equal when every part is: anchors by identity, certificates by encoding, CRL/OCSP bytes by value. */
    private static final class Key {
        private final X509Certificate target;
        private final CertificateRole role;
        private final TrustAnchors anchors;
        private final List<Object> material;
        private final Instant time;
        private final int hash;

        Key(X509Certificate target, CertificateRole role, TrustAnchors anchors, ValidationMaterial m, Instant time) {
            this.target = target;
            this.role = role;
            this.anchors = anchors;
            this.time = time;
            List<Object> parts = new ArrayList<>(m.certificates().size() + m.crls().size() + m.ocspResponses().size() + 2);
            parts.addAll(m.certificates());
            parts.add("crls");
            for (ValidationMaterial.Sourced<byte[]> c : m.crls()) {
                parts.add(new ValidationMaterial.Sourced<>(new Content(c.item()), c.origin()));
            }
            parts.add("ocsp");
            for (ValidationMaterial.Sourced<byte[]> o : m.ocspResponses()) {
                parts.add(new ValidationMaterial.Sourced<>(new Content(o.item()), o.origin()));
            }
            this.material = parts;
            this.hash = ((target.hashCode() * 31 + role.hashCode()) * 31 + System.identityHashCode(anchors)) * 31
                    + time.hashCode() + 31 * parts.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && anchors == k.anchors && role == k.role
                    && time.equals(k.time) && target.equals(k.target) && material.equals(k.material);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * A copy of a CRL's or OCSP response's bytes, equal by content. The hash reads the length and the
     * last 64 bytes (the signature value, which differs between any two responses or CRLs) rather than
     * every byte: a key is built for every chain of every signature, and equality still compares all.
     */
    static final class Content {
        private static final int HASHED_TAIL = 64;
        private final byte[] bytes;
        private final int hash;

        Content(byte[] bytes) {
            this.bytes = bytes.clone();
            int h = this.bytes.length;
            for (int i = Math.max(0, this.bytes.length - HASHED_TAIL); i < this.bytes.length; i++) {
                h = 31 * h + this.bytes[i];
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Content c && hash == c.hash && Arrays.equals(bytes, c.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}

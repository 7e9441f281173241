package dev.vellum.formats.attribute;

import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.cms.Encodings;
import dev.vellum.formats.timestamp.TimestampKind;
import dev.vellum.formats.timestamp.Tokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The attributes of one SignerInfo field in stored order, each value decodable on demand. A known
 * attribute whose value does not decode is listed with its parse error rather than failing the
 * whole signature; nothing is ever dropped. Known values are decoded once, when read: the typed
 * accessors and the time-stamp reader share those results (all of them immutable or copied out).
 */
abstract class AttributeList {
    /** Marks a value whose decoder failed (its error is in {@link #malformed()}). */
    private static final Object UNDECODABLE = new Object();

    private final boolean signed;
    private final Map<ASN1ObjectIdentifier, Function<ASN1Encodable, ?>> decoders;
    private final List<Attribute> attributes;
    private final List<RawAttribute> raw;
    /** Per element of {@link #attributes}: each value as stored (the bytes RawAttribute copies). */
    private final List<List<byte[]>> stored;
    /** Per element of {@link #attributes}: each value decoded, UNDECODABLE, or null when the type has no decoder. */
    private final List<List<Object>> decoded;
    private volatile List<byte[]> typeAndValueEncodings;

    AttributeList(ASN1Set set, boolean signed, Map<ASN1ObjectIdentifier, Function<ASN1Encodable, ?>> decoders) {
        this(set, signed, decoders, k -> null);
    }

    /**
     * @param storedValues the values of the k-th element of {@code set} as {@link Encodings#asStored} gives
     *     them, where the reader already holds those bytes (null, or null entries: encode)
     */
    AttributeList(ASN1Set set, boolean signed, Map<ASN1ObjectIdentifier, Function<ASN1Encodable, ?>> decoders,
                  IntFunction<List<byte[]>> storedValues) {
        this.signed = signed;
        this.decoders = decoders;
        List<Attribute> list = new ArrayList<>();
        List<RawAttribute> rawList = new ArrayList<>();
        List<List<byte[]>> storedList = new ArrayList<>();
        List<List<Object>> decodedList = new ArrayList<>();
        if (set != null) {
            int k = -1;
            for (ASN1Encodable e : set) {
                k++;
                Attribute a;
                try {
                    a = Attribute.getInstance(e);
                    a.getAttrValues();
                } catch (RuntimeException ex) {
                    rawList.add(new RawAttribute("?", Optional.empty(), signed, List.of(Encodings.asStored(e)),
                            Optional.of("not an Attribute: " + ex.getMessage())));
                    continue;
                }
                list.add(a);
                List<byte[]> values = new ArrayList<>();
                List<Object> results = new ArrayList<>();
                Optional<String> error = Optional.empty();
                Function<ASN1Encodable, ?> decoder = decoders.get(a.getAttrType());
                // time-stamp tokens are decoded with their stored bytes, which give their encoding cheaply
                boolean tokens = decoder != null && TimestampKind.of(a.getAttrType()).isPresent();
                List<byte[]> known = storedValues.apply(k);
                if (known != null && known.size() != a.getAttrValues().size()) {
                    known = null;
                }
                int j = 0;
                for (ASN1Encodable v : a.getAttrValues()) {
                    byte[] asStored = known == null ? null : known.get(j);
                    j++;
                    values.add(asStored != null ? asStored : Encodings.asStored(v));
                    if (decoder == null) {
                        results.add(null);
                        continue;
                    }
                    try {
                        results.add(tokens ? Tokens.parse(v, values.get(values.size() - 1)) : decoder.apply(v));
                    } catch (RuntimeException ex) {
                        results.add(UNDECODABLE);
                        if (error.isEmpty()) {
                            error = Optional.of("malformed " + CadesOids.name(a.getAttrType()).orElse(a.getAttrType().getId())
                                    + " value: " + ex.getMessage());
                        }
                    }
                }
                storedList.add(Collections.unmodifiableList(values));
                decodedList.add(Collections.unmodifiableList(results));
                List<byte[]> copies = new ArrayList<>(values.size());
                values.forEach(b -> copies.add(b.clone()));
                rawList.add(new RawAttribute(a.getAttrType().getId(), CadesOids.name(a.getAttrType()), signed, copies, error));
            }
        }
        this.attributes = Collections.unmodifiableList(list);
        this.raw = Collections.unmodifiableList(rawList);
        this.stored = Collections.unmodifiableList(storedList);
        this.decoded = Collections.unmodifiableList(decodedList);
    }

    /** Every attribute in stored order, known or not. */
    public List<RawAttribute> all() {
        return raw;
    }

    /** Attributes we do not know: kept and listed so a report can show them. */
    public List<RawAttribute> unknown() {
        return raw.stream().filter(r -> !r.known()).toList();
    }

    /** Known attributes whose values do not decode, with the reason. */
    public List<RawAttribute> malformed() {
        return raw.stream().filter(r -> r.parseError().isPresent()).toList();
    }

    public boolean isSigned() {
        return signed;
    }

    public boolean isEmpty() {
        return raw.isEmpty();
    }

    /** How many attributes of this type are present (some must appear exactly once). */
    public int count(ASN1ObjectIdentifier type) {
        return (int) attributes.stream().filter(a -> a.getAttrType().equals(type)).count();
    }

    public boolean has(ASN1ObjectIdentifier type) {
        return count(type) > 0;
    }

    /** The Bouncy Castle attributes, for the hash inputs that need stored encodings. */
    public List<Attribute> asn1() {
        return attributes;
    }

    /**
     * The time-stamp tokens of one of {@link #asn1()}'s attributes, per value in stored order, as
     * decoded when the attributes were read (empty for a value that is no token). An attribute not
     * from this list is decoded now.
     */
    public List<Optional<TimeStampToken>> timestampTokens(Attribute attribute) {
        int i = indexOf(attribute);
        List<Optional<TimeStampToken>> out = new ArrayList<>();
        if (i >= 0 && decoders.containsKey(attribute.getAttrType()) && TimestampKind.of(attribute.getAttrType()).isPresent()) {
            for (Object o : decoded.get(i)) {
                out.add(o instanceof TimeStampToken t ? Optional.of(t) : Optional.empty());
            }
            return out;
        }
        for (ASN1Encodable v : attribute.getAttrValues()) {
            try {
                out.add(Optional.of(Tokens.parse(v)));
            } catch (IllegalArgumentException e) {
                out.add(Optional.empty());
            }
        }
        return out;
    }

    /**
     * For every value of every attribute, in stored order: the attrType TLV followed by that
     * AttributeValue TLV, both as stored — the input of each ats-hash-index-v3
     * unsignedAttrValuesHashIndex entry (EN 319 122-1 §5.5.2).
     */
    public List<byte[]> typeAndValueEncodings() {
        List<byte[]> out = typeAndValueEncodings;
        if (out == null) {
            List<byte[]> list = new ArrayList<>();
            for (int i = 0; i < attributes.size(); i++) {
                byte[] type = Encodings.asStored(attributes.get(i).getAttrType());
                for (byte[] value : stored.get(i)) {
                    byte[] both = new byte[type.length + value.length];
                    System.arraycopy(type, 0, both, 0, type.length);
                    System.arraycopy(value, 0, both, type.length, value.length);
                    list.add(both);
                }
            }
            out = Collections.unmodifiableList(list);
            typeAndValueEncodings = out;
        }
        return out;
    }

    /** The values of one of {@link #asn1()}'s attributes as stored, in order (shared arrays: read only), or null. */
    public List<byte[]> storedValues(Attribute attribute) {
        int i = indexOf(attribute);
        return i < 0 ? null : stored.get(i);
    }

    private int indexOf(Attribute attribute) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i) == attribute) {
                return i;
            }
        }
        return -1;
    }

    /**
     * All values of all attributes of this type, decoded by the list's own decoder for the type
     * (decoded once, when read); undecodable values are skipped (see {@link #malformed()}).
     */
    @SuppressWarnings("unchecked")
    <T> List<T> decodedValues(ASN1ObjectIdentifier type) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).getAttrType().equals(type)) {
                for (Object o : decoded.get(i)) {
                    if (o != null && o != UNDECODABLE) {
                        out.add((T) o);
                    }
                }
            }
        }
        return out;
    }

    <T> Optional<T> firstDecoded(ASN1ObjectIdentifier type) {
        List<T> all = decodedValues(type);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** All values of all attributes of this type, decoded; undecodable values are skipped (see {@link #malformed()}). */
    <T> List<T> values(ASN1ObjectIdentifier type, Function<ASN1Encodable, T> decoder) {
        List<T> out = new ArrayList<>();
        for (Attribute a : attributes) {
            if (a.getAttrType().equals(type)) {
                for (ASN1Encodable v : a.getAttrValues()) {
                    try {
                        out.add(decoder.apply(v));
                    } catch (RuntimeException ignored) {
                        // reported through malformed()
                    }
                }
            }
        }
        return out;
    }

    <T> Optional<T> first(ASN1ObjectIdentifier type, Function<ASN1Encodable, T> decoder) {
        List<T> all = values(type, decoder);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }
}

package dev.vellum.formats.attribute;

import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.cms.Encodings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;

/**
 * The attributes of one SignerInfo field in stored order, each value decodable on demand. A known
 * attribute whose value does not decode is listed with its parse error rather than failing the
 * whole signature; nothing is ever dropped.
 */
abstract class AttributeList {
    private final boolean signed;
    private final List<Attribute> attributes;
    private final List<RawAttribute> raw;

    AttributeList(ASN1Set set, boolean signed, Map<ASN1ObjectIdentifier, Function<ASN1Encodable, ?>> decoders) {
        this.signed = signed;
        List<Attribute> list = new ArrayList<>();
        List<RawAttribute> rawList = new ArrayList<>();
        if (set != null) {
            for (ASN1Encodable e : set) {
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
                Optional<String> error = Optional.empty();
                Function<ASN1Encodable, ?> decoder = decoders.get(a.getAttrType());
                for (ASN1Encodable v : a.getAttrValues()) {
                    values.add(Encodings.asStored(v));
                    if (decoder != null && error.isEmpty()) {
                        try {
                            decoder.apply(v);
                        } catch (RuntimeException ex) {
                            error = Optional.of("malformed " + CadesOids.name(a.getAttrType()).orElse(a.getAttrType().getId())
                                    + " value: " + ex.getMessage());
                        }
                    }
                }
                rawList.add(new RawAttribute(a.getAttrType().getId(), CadesOids.name(a.getAttrType()), signed, values, error));
            }
        }
        this.attributes = Collections.unmodifiableList(list);
        this.raw = Collections.unmodifiableList(rawList);
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

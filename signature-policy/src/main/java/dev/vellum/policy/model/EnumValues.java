package dev.vellum.policy.model;

import dev.vellum.policy.PolicyException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** Lookup of the ASN.1 ENUMERATED types by number and by ASN.1 identifier, with errors that list the choices. */
final class EnumValues {
    private EnumValues() {
    }

    static <E extends Enum<E>> E byValue(E[] values, int value, ToIntFunction<E> number, String type) {
        for (E e : values) {
            if (number.applyAsInt(e) == value) {
                return e;
            }
        }
        throw new PolicyException(type + " has no value " + value);
    }

    static <E extends Enum<E>> E byName(E[] values, String name, Function<E, String> asn1Name, String type) {
        for (E e : values) {
            if (asn1Name.apply(e).equals(name)) {
                return e;
            }
        }
        throw new PolicyException(type + " has no value \"" + name + "\"; expected one of "
                + Arrays.stream(values).map(asn1Name).toList());
    }
}

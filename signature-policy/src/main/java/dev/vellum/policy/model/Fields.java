package dev.vellum.policy.model;

import dev.vellum.policy.PolicyException;
import java.util.List;

/** Construction checks shared by the model records: a missing mandatory field is a policy error, not an NPE. */
final class Fields {
    private Fields() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new PolicyException("signature policy field " + field + " is mandatory but missing");
        }
        return value;
    }

    static <T> List<T> requiredList(List<T> value, String field) {
        return List.copyOf(required(value, field));
    }

    static <T> List<T> optionalList(List<T> value) {
        return value == null ? null : List.copyOf(value);
    }

    static int nonNegative(Integer value, String field) {
        if (value != null && value < 0) {
            throw new PolicyException("signature policy field " + field + " must not be negative, was " + value);
        }
        return value == null ? 0 : value;
    }
}

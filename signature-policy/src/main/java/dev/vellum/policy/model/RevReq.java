package dev.vellum.policy.model;

import java.util.List;

/** RFC 3125 §3.9.4 RevReq; {@code exRevReq} is null when absent. */
public record RevReq(EnuRevReq enuRevReq, List<SignPolExtension> exRevReq) {
    public RevReq {
        Fields.required(enuRevReq, "RevReq.enuRevReq");
        exRevReq = Fields.optionalList(exRevReq);
    }

    public static RevReq of(EnuRevReq enuRevReq) {
        return new RevReq(enuRevReq, null);
    }
}

package dev.vellum.formats.attribute;

import java.util.List;

/** A commitment-type-indication (EN 319 122-1 §5.2.3): the commitment OID and its qualifier OIDs. */
public record CommitmentTypeIndication(String commitmentTypeOid, List<String> qualifierOids) {

    public static final String PROOF_OF_ORIGIN = "1.2.840.113549.1.9.16.6.1";
    public static final String PROOF_OF_RECEIPT = "1.2.840.113549.1.9.16.6.2";
    public static final String PROOF_OF_DELIVERY = "1.2.840.113549.1.9.16.6.3";
    public static final String PROOF_OF_SENDER = "1.2.840.113549.1.9.16.6.4";
    public static final String PROOF_OF_APPROVAL = "1.2.840.113549.1.9.16.6.5";
    public static final String PROOF_OF_CREATION = "1.2.840.113549.1.9.16.6.6";

    public CommitmentTypeIndication {
        qualifierOids = List.copyOf(qualifierOids);
    }
}

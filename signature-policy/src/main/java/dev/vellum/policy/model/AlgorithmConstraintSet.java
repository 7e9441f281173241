package dev.vellum.policy.model;

import java.util.List;

/** RFC 3125 §3.11 AlgorithmConstraintSet: allowed algorithms and minimum key lengths per role (null = no constraint given). */
public record AlgorithmConstraintSet(List<AlgAndLength> signerAlgorithmConstraints,
        List<AlgAndLength> eeCertAlgorithmConstraints, List<AlgAndLength> caCertAlgorithmConstraints,
        List<AlgAndLength> aaCertAlgorithmConstraints, List<AlgAndLength> tsaCertAlgorithmConstraints) {
    public AlgorithmConstraintSet {
        signerAlgorithmConstraints = Fields.optionalList(signerAlgorithmConstraints);
        eeCertAlgorithmConstraints = Fields.optionalList(eeCertAlgorithmConstraints);
        caCertAlgorithmConstraints = Fields.optionalList(caCertAlgorithmConstraints);
        aaCertAlgorithmConstraints = Fields.optionalList(aaCertAlgorithmConstraints);
        tsaCertAlgorithmConstraints = Fields.optionalList(tsaCertAlgorithmConstraints);
    }
}

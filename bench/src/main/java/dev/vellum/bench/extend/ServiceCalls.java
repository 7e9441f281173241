package dev.vellum.bench.extend;

import dev.vellum.testkit.services.PkiServices;

/** Requests the testkit's services received: a snapshot, and the difference between two. */
record ServiceCalls(int tsa, int revocation) {

    static ServiceCalls of(PkiServices services) {
        return new ServiceCalls(services.tsa().requestCount(),
                services.ocsp().requestCount() + services.crl().requestCount() + services.caIssuers().requestCount());
    }

    ServiceCalls since(ServiceCalls before) {
        return new ServiceCalls(tsa - before.tsa, revocation - before.revocation);
    }

    ServiceCalls plus(ServiceCalls other) {
        return new ServiceCalls(tsa + other.tsa, revocation + other.revocation);
    }
}

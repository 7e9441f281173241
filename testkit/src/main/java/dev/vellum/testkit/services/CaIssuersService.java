package dev.vellum.testkit.services;

import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.TestPki;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.util.CollectionStore;

/**
 * AIA caIssuers (RFC 5280 §4.2.2.1): {@code GET /ca/<ca>.crt} serves the CA certificate in DER
 * ({@code application/pkix-cert}); {@code GET /ca/<ca>.p7c} a certs-only CMS SignedData holding it
 * ({@code application/pkcs7-mime}).
 */
public final class CaIssuersService extends HttpService {
    private static final String PREFIX = "/ca/";

    private final TestPki pki;

    CaIssuersService(TestPki pki) {
        super("ca-issuers", pki.clock(), EnumSet.of(FailureMode.WRONG_CERTIFICATE));
        this.pki = pki;
    }

    /** The URL of the issuer's certificate (DER), as in the AIA of the certificates it issued. */
    public URI url(Credential issuer) {
        return baseUrl().resolve(PREFIX + issuer.name() + ".crt");
    }

    /** The URL of the issuer's certificate as a certs-only PKCS#7. */
    public URI pkcs7Url(Credential issuer) {
        return baseUrl().resolve(PREFIX + issuer.name() + ".p7c");
    }

    @Override
    String contentType() {
        return "application/pkix-cert";
    }

    @Override
    Reply serve(RecordedRequest request, FailureMode failure) throws Exception {
        Optional<String> file = pathAfter(request, PREFIX);
        boolean pkcs7 = file.isPresent() && file.get().endsWith(".p7c");
        if (!request.method().equals("GET") || file.isEmpty() || !(pkcs7 || file.get().endsWith(".crt"))) {
            return Reply.text(404, "no certificate at " + request.path());
        }
        String caName = file.get().substring(0, file.get().length() - 4);
        Optional<Credential> ca = pki.certificateAuthority(caName);
        if (ca.isEmpty()) {
            return Reply.text(404, "no CA named " + caName);
        }
        Credential served = ca.get();
        if (failure == FailureMode.WRONG_CERTIFICATE) {
            served = caName.equals(pki.untrustedRoot().name()) ? pki.root() : pki.untrustedRoot();
        }
        if (pkcs7) {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificates(new CollectionStore<>(List.of(served.certificateHolder())));
            return Reply.ok("application/pkcs7-mime", generator.generate(new CMSAbsentContent()).getEncoded());
        }
        return Reply.ok(contentType(), served.certificate().getEncoded());
    }
}

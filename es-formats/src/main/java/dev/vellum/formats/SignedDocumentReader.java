package dev.vellum.formats;

import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.cms.Encodings;
import dev.vellum.formats.cms.SignedDataParts;
import dev.vellum.formats.container.CrlfCanonicalizer;
import dev.vellum.formats.container.MultipartSplitter;
import dev.vellum.formats.container.PositionedStream;
import dev.vellum.formats.container.SmimePartBytes;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSCompressedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.ZlibExpanderProvider;

/**
 * Reads any signed container: DER/BER CMS (.p7m enveloping, .p7s detached with supplied content,
 * RFC 3274 compressed data), PEM-armoured CMS, and S/MIME messages (multipart/signed,
 * application/pkcs7-mime signed-data and compressed-data), finding signatures nested in forwarded
 * message/rfc822 parts. MIME headers are parsed by Jakarta Mail; multipart bodies and the signed and
 * CMS parts of the common S/MIME shapes are split by hand ({@link MultipartSplitter},
 * {@link SmimePartBytes}), anything unusual by Jakarta Mail. Bad input fails with a
 * {@link SignatureFormatException} naming the reason — never an NPE, a hang or an unbounded read.
 */
public final class SignedDocumentReader {
    /** Default ceiling for a container read into memory (content of detached signatures is streamed). */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 12;
    /** CMS files larger than this are read as a stream: their eContent is never loaded. */
    public static final long DEFAULT_STREAMING_THRESHOLD = 32L * 1024 * 1024;

    private final List<X509Certificate> extraCertificates;
    private final long maxBytes;
    private final int maxDepth;
    private final long streamingThreshold;
    /** Whether every multipart is parsed by Jakarta Mail (the fast path's tests compare both routes). */
    private final boolean jakartaMimeOnly;

    public SignedDocumentReader() {
        this(List.of(), DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_STREAMING_THRESHOLD, false);
    }

    private SignedDocumentReader(List<X509Certificate> extra, long maxBytes, int maxDepth, long streamingThreshold,
                                 boolean jakartaMimeOnly) {
        this.extraCertificates = List.copyOf(extra);
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.streamingThreshold = streamingThreshold;
        this.jakartaMimeOnly = jakartaMimeOnly;
    }

    /** The same reader parsing all MIME with Jakarta Mail, without the fast path (for tests). */
    SignedDocumentReader jakartaMimeOnly() {
        return new SignedDocumentReader(extraCertificates, maxBytes, maxDepth, streamingThreshold, true);
    }

    /** Certificates from outside the signature (e.g. for -nocerts signatures): used to find signers. */
    public SignedDocumentReader withExtraCertificates(List<X509Certificate> certificates) {
        return new SignedDocumentReader(certificates, maxBytes, maxDepth, streamingThreshold, jakartaMimeOnly);
    }

    /** Size limit for containers and decompressed data, and MIME/CMS nesting limit. */
    public SignedDocumentReader withLimits(long maxBytes, int maxDepth) {
        return new SignedDocumentReader(extraCertificates, maxBytes, maxDepth, streamingThreshold, jakartaMimeOnly);
    }

    /** CMS files above this size are streamed (their eContent is digested and copied, never loaded). */
    public SignedDocumentReader withStreamingThreshold(long bytes) {
        return new SignedDocumentReader(extraCertificates, maxBytes, maxDepth, bytes, jakartaMimeOnly);
    }

    /**
     * Reads a file of any supported kind; content, if any, must be inside. A CMS file above the
     * streaming threshold is read as a stream: its eContent stays on disk.
     */
    public SignedDocument read(Path file) {
        try {
            if (Files.size(file) > streamingThreshold && firstByte(file) == 0x30) {
                String name = file.getFileName().toString();
                SignedDataParts parts = SignedDataParts.streamedView(dev.vellum.formats.cms.StreamedEnvelope.scan(file), name);
                return new SignedDocument(ContainerType.CMS_ENVELOPING, List.of(), parts, extraCertificates,
                        Optional.empty(), List.of());
            }
        } catch (IOException e) {
            throw new SignatureFormatException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return read(readFile(file), Optional.empty(), file.getFileName().toString());
    }

    private static int firstByte(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read();
        }
    }

    /**
     * The document again after unsigned data was added to its CMS (for es-formats' extender):
     * same content source, same extra certificates, same streaming.
     */
    public SignedDocument reread(SignedDocument before, byte[] cms) {
        SignedDataParts old = before.parts();
        if (old.streamed().isPresent()) {
            return new SignedDocument(before.containerType(), before.wrappers(), old.rebased(cms, "extended CMS"),
                    before.extraCertificates(), Optional.empty(), List.of());
        }
        SignedDocumentReader r = withExtraCertificates(before.extraCertificates());
        return before.detached()
                ? r.readDetached(cms, before.content().orElseThrow(() -> new SignatureFormatException("detached content missing")))
                : r.read(cms);
    }

    /** Reads a detached signature file with its content file (streamed, never loaded). */
    public SignedDocument read(Path signature, Path content) {
        return read(readFile(signature), Optional.of(SignedContent.of(content)), signature.getFileName().toString());
    }

    public SignedDocument read(byte[] container) {
        return read(container, Optional.empty(), "input");
    }

    /** Reads a detached CMS signature with its content. */
    public SignedDocument readDetached(byte[] cms, SignedContent content) {
        return read(cms, Optional.of(content), "input");
    }

    private SignedDocument read(byte[] bytes, Optional<SignedContent> detached, String name) {
        if (bytes.length == 0) {
            throw new SignatureFormatException(name + ": empty file");
        }
        if (bytes.length > maxBytes) {
            throw new SignatureFormatException(name + ": " + bytes.length + " bytes exceeds the limit of " + maxBytes);
        }
        try {
            Kind kind = sniff(bytes);
            return switch (kind) {
                case CMS -> readCms(bytes, detached, name, List.of(), 0);
                case PEM -> readCms(unarmour(bytes, name), detached, name, List.of(), 0);
                case MIME -> readMime(bytes, name);
            };
        } catch (SignatureFormatException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new SignatureFormatException(name + ": unreadable (" + e + ")", e);
        }
    }

    private enum Kind { CMS, PEM, MIME }

    private static Kind sniff(byte[] b) {
        if ((b[0] & 0xFF) == 0x30) {
            return Kind.CMS;
        }
        String head = new String(b, 0, Math.min(b.length, 64), StandardCharsets.ISO_8859_1).stripLeading();
        if (head.startsWith("-----BEGIN PKCS7-----") || head.startsWith("-----BEGIN CMS-----")) {
            return Kind.PEM;
        }
        return Kind.MIME;
    }

    private static byte[] unarmour(byte[] bytes, String name) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int begin = text.indexOf('\n', text.indexOf("-----BEGIN"));
        int end = text.indexOf("-----END", begin);
        if (begin < 0 || end < 0) {
            throw new SignatureFormatException(name + ": PEM armour without an END line");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(begin + 1, end));
        } catch (IllegalArgumentException e) {
            throw new SignatureFormatException(name + ": PEM body is not base64", e);
        }
    }

    // ---- CMS ------------------------------------------------------------------------------------

    private SignedDocument readCms(byte[] bytes, Optional<SignedContent> detached, String name, List<String> wrappers,
                                   int depth) {
        checkDepth(depth, name);
        ASN1Primitive p = Encodings.parse(bytes, name);
        ContentInfo ci;
        try {
            ci = ContentInfo.getInstance(p);
        } catch (RuntimeException e) {
            throw new SignatureFormatException(name + ": not a CMS ContentInfo (" + e.getMessage() + ")", e);
        }
        if (CadesOids.COMPRESSED_DATA.equals(ci.getContentType())) {
            byte[] inner = decompress(ci, name);
            List<String> w = with(wrappers, "compressed-data");
            return sniff(inner) == Kind.CMS ? readCms(inner, detached, name, w, depth + 1) : readMimeEntity(inner, name, w, depth + 1);
        }
        SignedDataParts parts = SignedDataParts.parse(bytes, p, detached, name);
        List<SignedDocument> nested = new ArrayList<>();
        if (!parts.detached() && parts.content().isPresent() && depth < maxDepth) {
            nested.addAll(nestedInContent(parts.content().get().readAllBytes(), name, wrappers, depth));
        }
        return new SignedDocument(parts.detached() ? ContainerType.CMS_DETACHED : ContainerType.CMS_ENVELOPING,
                wrappers, parts, extraCertificates, Optional.empty(), nested);
    }

    /** eContent that is itself a MIME entity or CMS may hold further signatures; anything else holds none. */
    private List<SignedDocument> nestedInContent(byte[] content, String name, List<String> wrappers, int depth) {
        if (content.length == 0) {
            return List.of();
        }
        try {
            if (sniff(content) == Kind.CMS) {
                return List.of();
            }
            SignedDocument inner = readMimeEntity(content, name, wrappers, depth + 1);
            return inner.hasSignatures() ? List.of(inner) : inner.nestedDocuments();
        } catch (SignatureFormatException e) {
            return List.of();
        }
    }

    private byte[] decompress(ContentInfo ci, String name) {
        try {
            return new CMSCompressedData(ci).getContent(new ZlibExpanderProvider(maxBytes));
        } catch (CMSException | RuntimeException e) {
            throw new SignatureFormatException(name + ": compressed data cannot be expanded within "
                    + maxBytes + " bytes (" + e.getMessage() + ")", e);
        }
    }

    // ---- MIME -----------------------------------------------------------------------------------

    private static final Session SESSION = session();

    private static Session session() {
        dev.vellum.formats.container.MailStreamProviderSetting.apply();
        return Session.getInstance(new Properties());
    }

    private SignedDocument readMime(byte[] bytes, String name) {
        MimeMessage message;
        try {
            message = new MimeMessage(SESSION, new PositionedStream(bytes));
        } catch (MessagingException e) {
            throw new SignatureFormatException(name + ": not a MIME message (" + e.getMessage() + ")", e);
        }
        SignedDocument doc = walk(message, bytes, name, List.of(), 0, true);
        if (!doc.hasSignatures() && doc.nestedDocuments().isEmpty()) {
            throw new SignatureFormatException(name + ": not a CMS signature, and a MIME message without any "
                    + "S/MIME signature (content type " + safeContentType(message) + ")");
        }
        return doc;
    }

    private SignedDocument readMimeEntity(byte[] bytes, String name, List<String> wrappers, int depth) {
        try {
            MimeBodyPart part = new MimeBodyPart(new PositionedStream(bytes));
            return walk(part, bytes, name, wrappers, depth, false);
        } catch (MessagingException e) {
            throw new SignatureFormatException(name + ": not a MIME entity (" + e.getMessage() + ")", e);
        }
    }

    /** Walks one MIME entity: a signed one becomes a document; others are searched for nested ones. */
    private SignedDocument walk(MimePart part, byte[] whole, String name, List<String> wrappers, int depth, boolean top) {
        checkDepth(depth, name);
        ContentType type = contentType(part, name);
        try {
            if (type.match("multipart/signed")) {
                return multipartSigned(part, type, whole, name, wrappers, depth, top);
            }
            if (isPkcs7Mime(type)) {
                return pkcs7Mime(part, type, whole, name, wrappers, depth, top);
            }
            List<SignedDocument> found = new ArrayList<>();
            collectNested(part, type, name, wrappers, depth, found);
            return new SignedDocument(ContainerType.MIME_UNSIGNED, wrappers, null, extraCertificates, Optional.empty(), found);
        } catch (MessagingException | IOException e) {
            throw new SignatureFormatException(name + ": malformed MIME structure (" + e.getMessage() + ")", e);
        }
    }

    private void collectNested(MimePart part, ContentType type, String name, List<String> wrappers, int depth,
                               List<SignedDocument> found) throws MessagingException, IOException {
        if (depth >= maxDepth) {
            throw new SignatureFormatException(name + ": MIME nesting deeper than " + maxDepth + " levels");
        }
        if (type.getPrimaryType().equalsIgnoreCase("multipart")) {
            List<MimeBodyPart> children = new ArrayList<>();
            Optional<List<MultipartSplitter.RawPart>> fast = fastSplit(part, type);
            if (fast.isPresent()) {
                fast.get().forEach(p -> children.add(p.part()));
            } else {
                MimeMultipart mp = new MimeMultipart(new MimePartDataSource(part));
                for (int i = 0; i < mp.getCount(); i++) {
                    children.add((MimeBodyPart) mp.getBodyPart(i));
                }
            }
            for (MimeBodyPart child : children) {
                addSigned(child, name, wrappers, depth + 1, found);
            }
        } else if (type.match("message/rfc822")) {
            MimeMessage inner = new MimeMessage(SESSION, part.getInputStream());
            addSigned(inner, name, with(wrappers, "message/rfc822"), depth + 1, found);
        }
    }

    private void addSigned(MimePart child, String name, List<String> wrappers, int depth, List<SignedDocument> found)
            throws MessagingException, IOException {
        ContentType t = contentType(child, name);
        if (t.match("multipart/signed") || isPkcs7Mime(t)) {
            found.add(walk(child, null, name, wrappers, depth, false));
        } else {
            collectNested(child, t, name, wrappers, depth, found);
        }
    }

    /** The parts of a multipart split by hand, or empty when it is unusual (or the fast path is off). */
    private Optional<List<MultipartSplitter.RawPart>> fastSplit(MimePart part, ContentType type) {
        return jakartaMimeOnly ? Optional.empty() : MultipartSplitter.split(part, type);
    }

    private SignedDocument multipartSigned(MimePart part, ContentType type, byte[] whole, String name,
                                           List<String> wrappers, int depth, boolean top)
            throws MessagingException, IOException {
        MimeBodyPart signedPart;
        MimeBodyPart signaturePart;
        byte[] signed = null;
        byte[] cms = null;
        Optional<List<MultipartSplitter.RawPart>> fast = fastSplit(part, type);
        if (fast.isPresent() && fast.get().size() == 2) {
            signedPart = fast.get().get(0).part();
            signaturePart = fast.get().get(1).part();
            signed = SmimePartBytes.signedEntity(fast.get().get(0)).orElse(null);
            cms = SmimePartBytes.decodedBody(signaturePart, maxBytes).orElse(null);
        } else {
            MimeMultipart mp = new MimeMultipart(new MimePartDataSource(part));
            if (mp.getCount() != 2) {
                throw new SignatureFormatException(name + ": multipart/signed must have exactly two parts, has " + mp.getCount());
            }
            signedPart = (MimeBodyPart) mp.getBodyPart(0);
            signaturePart = (MimeBodyPart) mp.getBodyPart(1);
        }
        if (signed == null) {
            signed = signedEntity(signedPart);
        }
        if (cms == null) {
            cms = bounded(signaturePart.getInputStream(), name + " signature part");
        }
        if (cms.length == 0) {
            throw new SignatureFormatException(name + ": the signature part of multipart/signed is empty");
        }
        SignedDataParts parts;
        try {
            parts = SignedDataParts.parse(cms, Optional.of(SignedContent.of(signed)), name + " signature part");
        } catch (SignatureFormatException e) {
            throw new SignatureFormatException(name + ": the application/pkcs7-signature part is not a CMS signature ("
                    + e.getMessage() + ")", e);
        }
        List<SignedDocument> nested = new ArrayList<>();
        List<String> innerWrappers = with(wrappers, "multipart/signed");
        addNestedOf(signedPart, name, innerWrappers, depth, nested);
        return new SignedDocument(ContainerType.SMIME_MULTIPART_SIGNED, wrappers, parts, extraCertificates,
                top ? envelope(signaturePart, whole) : Optional.empty(), nested);
    }

    private void addNestedOf(MimePart part, String name, List<String> wrappers, int depth, List<SignedDocument> out)
            throws MessagingException, IOException {
        ContentType t = contentType(part, name);
        if (t.match("multipart/signed") || isPkcs7Mime(t)) {
            out.add(walk(part, null, name, wrappers, depth + 1, false));
        } else {
            collectNested(part, t, name, wrappers, depth, out);
        }
    }

    /**
     * The signed bytes of the first part of multipart/signed: its header lines, the blank line and its
     * raw body, in CRLF canonical form. A part without headers (RFC 4134 4.8.eml) is CRLF + body.
     */
    private static byte[] signedEntity(MimeBodyPart part) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Enumeration<String> lines = part.getAllHeaderLines();
        while (lines.hasMoreElements()) {
            out.writeBytes(lines.nextElement().getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        out.writeBytes(new byte[] {'\r', '\n'});
        try (InputStream raw = part.getRawInputStream()) {
            raw.transferTo(out);
        }
        String cte = part.getEncoding();
        if (cte != null && cte.trim().equalsIgnoreCase("binary")) {
            return out.toByteArray();
        }
        return CrlfCanonicalizer.canonicalize(out.toByteArray());
    }

    private SignedDocument pkcs7Mime(MimePart part, ContentType type, byte[] whole, String name, List<String> wrappers,
                                     int depth, boolean top) throws MessagingException, IOException {
        String smimeType = Optional.ofNullable(type.getParameter("smime-type")).orElse("").toLowerCase(Locale.ROOT);
        Optional<byte[]> fast = jakartaMimeOnly ? Optional.empty() : SmimePartBytes.decodedBody(part, maxBytes);
        byte[] cms = fast.isPresent() ? fast.get() : bounded(part.getInputStream(), name + " pkcs7-mime body");
        if (cms.length == 0) {
            throw new SignatureFormatException(name + ": empty application/pkcs7-mime body");
        }
        if (smimeType.equals("enveloped-data") || smimeType.equals("authenveloped-data")) {
            throw new SignatureFormatException(name + ": encrypted S/MIME (" + smimeType + ") cannot be read without the key");
        }
        if (smimeType.equals("compressed-data")) {
            return readCms(cms, Optional.empty(), name, wrappers, depth + 1);
        }
        SignedDocument inner = readCms(cms, Optional.empty(), name, with(wrappers, "application/pkcs7-mime"), depth + 1);
        if (inner.containerType() != ContainerType.CMS_ENVELOPING) {
            return inner;
        }
        return new SignedDocument(ContainerType.SMIME_OPAQUE, wrappers, inner.parts(), extraCertificates,
                top && part instanceof MimeMessage ? envelope((MimeMessage) part, whole) : Optional.empty(),
                inner.nestedDocuments());
    }

    private static boolean isPkcs7Mime(ContentType t) {
        return t.match("application/pkcs7-mime") || t.match("application/x-pkcs7-mime");
    }

    private static Optional<SmimeEnvelope> envelope(MimePart cmsPart, byte[] whole) throws MessagingException {
        if (whole == null) {
            return Optional.empty();
        }
        InputStream raw = cmsPart instanceof MimeBodyPart b ? b.getRawInputStream() : ((MimeMessage) cmsPart).getRawInputStream();
        if (!(raw instanceof PositionedStream ps)) {
            return Optional.empty();
        }
        String sep = "\n";
        for (int i = ps.absoluteStart(); i < ps.absoluteEnd(); i++) {
            if (whole[i] == '\n') {
                sep = i > 0 && whole[i - 1] == '\r' ? "\r\n" : "\n";
                break;
            }
        }
        return Optional.of(new SmimeEnvelope(whole, ps.absoluteStart(), ps.absoluteEnd(), sep));
    }

    private static ContentType contentType(Part part, String name) {
        try {
            String ct = part.getContentType();
            return new ContentType(ct == null ? "text/plain" : ct);
        } catch (ParseException e) {
            throw new SignatureFormatException(name + ": unparsable Content-Type (" + e.getMessage() + ")", e);
        } catch (MessagingException e) {
            throw new SignatureFormatException(name + ": unreadable MIME headers (" + e.getMessage() + ")", e);
        }
    }

    private static String safeContentType(MimeMessage m) {
        try {
            return m.getContentType();
        } catch (MessagingException e) {
            return "?";
        }
    }

    private byte[] bounded(InputStream in, String what) throws IOException {
        try (in) {
            byte[] b = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 16));
            if (b.length > maxBytes) {
                throw new SignatureFormatException(what + " exceeds the limit of " + maxBytes + " bytes");
            }
            return b;
        }
    }

    private byte[] readFile(Path file) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new SignatureFormatException(file + ": " + size + " bytes exceeds the limit of " + maxBytes);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SignatureFormatException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private void checkDepth(int depth, String name) {
        if (depth > maxDepth) {
            throw new SignatureFormatException(name + ": nesting deeper than " + maxDepth + " levels");
        }
    }

    private static List<String> with(List<String> list, String item) {
        List<String> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }
}

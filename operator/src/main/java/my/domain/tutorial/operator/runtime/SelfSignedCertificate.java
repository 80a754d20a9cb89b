package my.domain.tutorial.operator.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A self-signed X.509 v3 certificate and its key (ECDSA P-256), made in memory, for serving {@code
 * /metrics} over HTTPS when no certificate is mounted, as controller-runtime does. The JDK signs
 * but has no public API to build a certificate; the few DER structures a certificate needs are
 * written here rather than adding a cryptography library of several MiB to the operator.
 */
public record SelfSignedCertificate(X509Certificate certificate, KeyPair keys) {
  private static final String SIGNATURE = "SHA256withECDSA";
  private static final int[] ECDSA_WITH_SHA256 = {1, 2, 840, 10045, 4, 3, 2};
  private static final int[] COMMON_NAME = {2, 5, 4, 3};
  private static final int[] SUBJECT_ALT_NAME = {2, 5, 29, 17};
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  /**
   * A certificate for {@code commonName} and the DNS names {@code dnsNames}, valid from an hour
   * before {@code now} (clock skew) for {@code validity}.
   */
  public static SelfSignedCertificate generate(
      String commonName, List<String> dnsNames, Instant now, Duration validity) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      byte[] algorithm = seq(oid(ECDSA_WITH_SHA256));
      byte[] name = seq(set(seq(oid(COMMON_NAME), tlv(0x0c, utf8(commonName)))));
      byte[] serial = new byte[16];
      new SecureRandom().nextBytes(serial);
      ByteArrayOutputStream names = new ByteArrayOutputStream();
      for (String dns : dnsNames) {
        names.writeBytes(tlv(0x82, dns.getBytes(StandardCharsets.US_ASCII)));
      }
      byte[] tbs =
          seq(
              tlv(0xa0, integer(BigInteger.TWO)),
              integer(new BigInteger(1, serial)),
              algorithm,
              name,
              seq(
                  tlv(0x17, utf8(UTC_TIME.format(now.minus(Duration.ofHours(1))))),
                  tlv(0x17, utf8(UTC_TIME.format(now.plus(validity))))),
              name,
              keys.getPublic().getEncoded(),
              tlv(0xa3, seq(seq(oid(SUBJECT_ALT_NAME), tlv(0x04, seq(names.toByteArray()))))));
      Signature signer = Signature.getInstance(SIGNATURE);
      signer.initSign(keys.getPrivate());
      signer.update(tbs);
      byte[] signature = signer.sign();
      byte[] bits = new byte[signature.length + 1];
      System.arraycopy(signature, 0, bits, 1, signature.length);
      byte[] der = seq(tbs, algorithm, tlv(0x03, bits));
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
      return new SelfSignedCertificate(certificate, keys);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a self-signed certificate: " + e, e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] seq(byte[]... parts) {
    return tlv(0x30, parts);
  }

  private static byte[] set(byte[]... parts) {
    return tlv(0x31, parts);
  }

  private static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  private static byte[] oid(int[] arcs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(arcs[0] * 40 + arcs[1]);
    for (int i = 2; i < arcs.length; i++) {
      int arc = arcs[i];
      int shift = 28;
      while (shift > 0 && (arc >>> shift) == 0) {
        shift -= 7;
      }
      for (; shift > 0; shift -= 7) {
        out.write(0x80 | ((arc >>> shift) & 0x7f));
      }
      out.write(arc & 0x7f);
    }
    return tlv(0x06, out.toByteArray());
  }

  /** A DER tag-length-value with the parts concatenated as its value. */
  private static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream value = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      value.writeBytes(part);
    }
    int length = value.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    if (length < 0x80) {
      out.write(length);
    } else {
      byte[] bytes = BigInteger.valueOf(length).toByteArray();
      int skip = bytes[0] == 0 ? 1 : 0;
      out.write(0x80 | (bytes.length - skip));
      out.write(bytes, skip, bytes.length - skip);
    }
    out.writeBytes(value.toByteArray());
    return out.toByteArray();
  }
}

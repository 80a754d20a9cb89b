package my.domain.tutorial.kubectl.kube;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Trust for a cluster with {@code tls-server-name}: the server's chain is checked by the trust
 * fabric8 built from the kubeconfig's CA (without the JDK's host check, which would use the address
 * connected to), then the certificate must name {@code serverName}, as kubectl checks it.
 */
final class ServerNameTrust extends X509ExtendedTrustManager {
  private final X509TrustManager chain;
  private final String serverName;

  ServerNameTrust(X509TrustManager chain, String serverName) {
    this.chain = chain;
    this.serverName = serverName;
  }

  /** {@code managers} with each X509 trust manager wrapped. */
  static TrustManager[] wrap(TrustManager[] managers, String serverName) {
    TrustManager[] wrapped = new TrustManager[managers.length];
    for (int i = 0; i < managers.length; i++) {
      wrapped[i] =
          managers[i] instanceof X509TrustManager x
              ? new ServerNameTrust(x, serverName)
              : managers[i];
    }
    return wrapped;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] certs, String authType)
      throws CertificateException {
    chain.checkServerTrusted(certs, authType);
    if (certs.length == 0 || !ServerNames.matches(certs[0], serverName)) {
      throw new CertificateException(
          "the server's certificate is not valid for the tls-server-name " + serverName);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] certs, String authType, Socket socket)
      throws CertificateException {
    checkServerTrusted(certs, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] certs, String authType, SSLEngine engine)
      throws CertificateException {
    checkServerTrusted(certs, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] certs, String authType)
      throws CertificateException {
    chain.checkClientTrusted(certs, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] certs, String authType, Socket socket)
      throws CertificateException {
    chain.checkClientTrusted(certs, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] certs, String authType, SSLEngine engine)
      throws CertificateException {
    chain.checkClientTrusted(certs, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return chain.getAcceptedIssuers();
  }
}

package my.domain.tutorial.controlplane;

/** A client certificate the control plane's API server accepts, and its private key, as PEM. */
public record ClientCertificate(String certificatePem, String keyPem) {}

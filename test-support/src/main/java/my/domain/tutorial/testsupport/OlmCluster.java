package my.domain.tutorial.testsupport;

import my.domain.tutorial.controlplane.ControlPlane;
import my.domain.tutorial.controlplane.olm.Olm;
import my.domain.tutorial.controlplane.olm.OlmBinaries;

/**
 * A control plane of its own that runs Deployments (kube-controller-manager, kube-scheduler, a kwok
 * Node) and Operator Lifecycle Manager: what {@link OlmExtension} gives OLM tests. It is not the
 * shared {@link ControlPlaneExtension} one, because a controller-manager changes what every other
 * test sees (namespaces are really deleted, ServiceAccounts appear, garbage is collected).
 */
public record OlmCluster(ControlPlane controlPlane, OlmBinaries binaries, Olm olm) {}

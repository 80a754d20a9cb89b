package my.domain.tutorial.controlplane;

/**
 * The outages tests put clients through: storage gone, the API server gone, the API server frozen.
 * Each has its way back, which waits until the API server serves again.
 */
public final class ControlPlaneFaults {
  private final ControlPlaneProcesses processes;

  ControlPlaneFaults(ControlPlaneProcesses processes) {
    this.processes = processes;
  }

  /**
   * Stops etcd (SIGTERM), leaving kube-apiserver running: the API server then stays up but can
   * neither read through to storage nor write, as in a control-plane storage outage.
   */
  public void stopEtcd() {
    processes.stopEtcd();
  }

  /**
   * Starts etcd again over the same data directory (no-op if it runs) and waits until
   * kube-apiserver reports ready on it.
   */
  public void restartEtcd() {
    processes.startEtcd();
    if (processes.apiServerRunning()) {
      processes.awaitReady();
    }
  }

  /** Stops kube-apiserver, leaving etcd (and so all data) running. */
  public void stopApiServer() {
    processes.stopApiServer();
  }

  /**
   * Starts kube-apiserver again on the same port and etcd (no-op if it runs), and waits until it is
   * ready.
   */
  public void startApiServer() {
    processes.startApiServer();
  }

  /**
   * Freezes kube-apiserver (SIGSTOP): connections are still accepted by the kernel but nothing
   * answers, the hardest case for a client's timeouts.
   */
  public void pauseApiServer() {
    processes.signalApiServer("STOP");
  }

  /** Lets a paused kube-apiserver run again (SIGCONT) and waits until it reports ready. */
  public void resumeApiServer() {
    if (processes.apiServerRunning()) {
      processes.signalApiServer("CONT");
      processes.awaitReady();
    }
  }
}

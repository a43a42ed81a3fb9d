import type { Sandbox } from '@wheelhouse/sandbox';
import type { ConfigFile } from '../config.ts';
import type { ConnectedKubeconfigOf } from './kubeAccess.ts';

/** `aws` mode: the kubeconfig context WHEELHOUSE_CONFIG maps to a connected cluster's name. */
export function configuredConnectedKubeconfig(config: ConfigFile): ConnectedKubeconfigOf {
  return async (ref) => {
    const access = config.connectedClusters?.[ref.name];
    if (!access) return undefined;
    // Loaded on first use: only connected clusters need client-node's kubeconfig handling.
    const { KubeConfig } = await import('@kubernetes/client-node');
    const kc = new KubeConfig();
    if (access.kubeconfig) kc.loadFromFile(access.kubeconfig);
    else kc.loadFromDefault();
    kc.setCurrentContext(access.context);
    return kc;
  };
}

type KubeconfigSource = {
  connectedKubeconfig?: (accountId: string, region: string, name: string) => object | undefined;
};

/** Sandbox mode: the sandbox hands out a kubeconfig for each connected cluster once its agent connected. */
export function sandboxConnectedKubeconfig(sandbox: Sandbox): ConnectedKubeconfigOf {
  return async (ref) => {
    const options = (sandbox as Sandbox & KubeconfigSource).connectedKubeconfig?.(
      ref.accountId,
      ref.region,
      ref.name,
    );
    if (!options) return undefined;
    const { KubeConfig } = await import('@kubernetes/client-node');
    const kc = new KubeConfig();
    kc.loadFromOptions(options);
    return kc;
  };
}

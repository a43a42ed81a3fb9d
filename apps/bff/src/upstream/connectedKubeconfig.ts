import type { Sandbox } from '@wheelhouse/sandbox';
import type { ConfigFile } from '../config.ts';
import type { ConnectedKubeconfigOf } from './kubeAccess.ts';

// client-node is loaded on first use: only connected clusters need its kubeconfig handling.
const newKubeConfig = async () => new (await import('@kubernetes/client-node')).KubeConfig();

/** `aws` mode: the kubeconfig context WHEELHOUSE_CONFIG maps to a connected cluster's name. */
export function configuredConnectedKubeconfig(config: ConfigFile): ConnectedKubeconfigOf {
  return async (ref) => {
    const access = config.connectedClusters?.[ref.name];
    if (!access) return undefined;
    const kc = await newKubeConfig();
    if (access.kubeconfig) kc.loadFromFile(access.kubeconfig);
    else kc.loadFromDefault();
    kc.setCurrentContext(access.context);
    return kc;
  };
}

/** Sandbox mode: the sandbox hands out a kubeconfig for each connected cluster once its agent connected. */
export function sandboxConnectedKubeconfig(sandbox: Sandbox): ConnectedKubeconfigOf {
  return async (ref) => {
    const config = await sandbox.connectedKubeconfig(ref.accountId, ref.region, ref.name);
    if (!config) return undefined;
    const kc = await newKubeConfig();
    kc.loadFromString(JSON.stringify(config));
    return kc;
  };
}

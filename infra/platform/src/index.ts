import * as pulumi from '@pulumi/pulumi';
import { createKubernetesProvider } from './kubernetes-provider.js';
import { Platform } from './platform.js';
import { readPlatformConfig } from './read-platform-config.js';

const { platform: settings, ...connection } = readPlatformConfig(
  new pulumi.Config(),
  pulumi.getStack(),
);
const provider = createKubernetesProvider('cluster', connection);
const platform = new Platform('slipway', settings, { providers: { kubernetes: provider } });

/** Read by the services stack: where to deploy, which IngressClass and ClusterIssuer to use. */
export const namespaces = platform.namespaces;
export const ingressNamespace = platform.ingressNamespace;
export const ingressClassName = platform.ingressClassName;
export const clusterIssuer = platform.clusterIssuer;
export const backupScheduleName = platform.backupScheduleName;
export const backupSchedule = platform.backupSchedule;

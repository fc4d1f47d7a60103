import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';
import type { NodeProvisioning } from './node-provisioning.ts';

/** The EBS CSI provisioner of each mode: Auto Mode's built-in driver, or the EBS CSI add-on. */
const ebsProvisioner: Record<NodeProvisioning, string> = {
  'auto-mode': 'ebs.csi.eks.amazonaws.com',
  karpenter: 'ebs.csi.aws.com',
};

/**
 * Creates the cluster's default StorageClass: encrypted gp3 EBS volumes, bound when the pod is
 * scheduled (so the volume lands in the pod's zone) and expandable. EKS creates no default
 * StorageClass on clusters of Kubernetes 1.30 and later, and a PVC without one stays pending.
 *
 * @example
 * createDefaultStorageClass('slipway-gp3', 'auto-mode', { parent: this, provider });
 */
export function createDefaultStorageClass(
  name: string,
  provisioning: NodeProvisioning,
  opts: pulumi.CustomResourceOptions,
): k8s.storage.v1.StorageClass {
  return new k8s.storage.v1.StorageClass(
    name,
    {
      metadata: {
        name: 'gp3',
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      },
      provisioner: ebsProvisioner[provisioning],
      parameters: { type: 'gp3', encrypted: 'true' },
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
      reclaimPolicy: 'Delete',
    },
    opts,
  );
}

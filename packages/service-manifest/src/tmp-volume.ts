import { formatByteQuantity, parseByteQuantity } from './byte-quantity.ts';

/**
 * What a container's ephemeral-storage limit keeps apart from its `/tmp` emptyDir: the kubelet
 * counts the container's logs against the same limit, and by default keeps up to 5 files of
 * 10Mi each (`containerLogMaxFiles`, `containerLogMaxSize`). The root file system is read-only,
 * so logs and `/tmp` are all that count. With the emptyDir as large as the limit, the pod is
 * evicted for `/tmp` plus its logs before the emptyDir's own limit ever applies.
 */
export const tmpVolumeHeadroom = '64Mi';

/**
 * The `sizeLimit` of a service's `/tmp` emptyDir: its ephemeral-storage limit minus
 * {@link tmpVolumeHeadroom}. The manifest schema ensures the limit exceeds the headroom.
 * @throws Error when the limit is not a byte quantity above the headroom (the schema rejects those).
 * @example tmpVolumeSizeLimit('256Mi') // '192Mi'
 */
export function tmpVolumeSizeLimit(ephemeralStorageLimit: string): string {
  const limit = parseByteQuantity(ephemeralStorageLimit);
  const headroom = parseByteQuantity(tmpVolumeHeadroom) ?? 0;
  if (limit === undefined || limit <= headroom)
    throw new Error(
      `ephemeral-storage limit '${ephemeralStorageLimit}' leaves /tmp no room above the ${tmpVolumeHeadroom} kept for logs`,
    );
  return formatByteQuantity(limit - headroom);
}

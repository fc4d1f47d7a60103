import * as pulumi from '@pulumi/pulumi';
import { promiseOf } from './pulumi-mocks.ts';

/**
 * The value of an output that must stay secret in state (a kubeconfig, a password); fails
 * when the program let it out as plain text.
 * @throws Error when the output is not marked secret.
 * @example expect(await secretValueOf(program.kubeconfig)).toBe(fakeKubeconfig);
 */
export async function secretValueOf<T>(output: pulumi.Output<T>): Promise<T> {
  if (!(await pulumi.isSecret(output))) throw new Error('the output is not marked secret');
  return promiseOf(output);
}

import * as pulumi from '@pulumi/pulumi';
import * as random from '@pulumi/random';

/**
 * A password the program generates and keeps encrypted in the stack's state: nobody types,
 * sees or copies it; the service reads it from its mounted secret. Letters and digits only, so it
 * needs no escaping in any cloud's API or URL, and long enough (40 characters, ~238 bits) that
 * no symbols are needed; at least one upper-case letter, lower-case letter and digit each, as
 * Azure's password rules require three character classes.
 * @example const password = generatedPassword(`${name}-password`, { parent: this });
 */
export function generatedPassword(
  name: string,
  opts: pulumi.CustomResourceOptions,
): pulumi.Output<string> {
  const password = new random.RandomPassword(
    name,
    { length: 40, special: false, minUpper: 1, minLower: 1, minNumeric: 1 },
    opts,
  );
  // Secret from here on, whatever the provider marks: every input it reaches (a server's admin
  // password, an AUTH token) stays encrypted in state and masked in renders and previews.
  return pulumi.secret(password.result);
}

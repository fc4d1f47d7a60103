/**
 * The one rule for which images may run in a service namespace: pinned by digest and pulled from
 * the platform's registry. Two places enforce it and both import it from here: infra/policy's
 * `checkAdmittedImage` (the tests' check, in JavaScript) and the platform's
 * ValidatingAdmissionPolicy (the cluster's check, in CEL). A test evaluates both on one table of
 * images, so they cannot drift apart.
 */

/** A digest as pods pin it: `sha256:` and 64 lowercase hex digits. */
export const digestPattern = /^sha256:[0-9a-f]{64}$/;

/**
 * A reference that ends in a digest: any repository (and optional tag) without `@` or spaces,
 * then `@sha256:<64 hex>`. RE2 (CEL's `matches`) and JavaScript read it the same.
 */
export const digestPinnedPattern = /^[^@\s]+@sha256:[0-9a-f]{64}$/;

/**
 * Where every admitted image comes from: `<registry>/`, the trailing slash so `ghcr.io/acme`
 * does not admit `ghcr.io/acme-evil/…`.
 * @example registryPrefix('ghcr.io/acme') // 'ghcr.io/acme/'
 */
export function registryPrefix(registry: string): string {
  return `${registry.replace(/\/+$/, '')}/`;
}

/**
 * Why an image may not run in a service namespace, or undefined when it may.
 * @example checkAdmittedImage('ghcr.io/acme/orders:3f78', 'ghcr.io/acme') // 'is not pinned by digest...'
 */
export function checkAdmittedImage(image: string, registry: string): string | undefined {
  const prefix = registryPrefix(registry);
  if (!image.startsWith(prefix)) return `does not come from the platform's registry ${prefix}`;
  if (!digestPinnedPattern.test(image)) return 'is not pinned by digest (@sha256:<64 hex>)';
  return undefined;
}

/**
 * The CEL twin of {@link checkAdmittedImage}: true when the string `variable` names an image that
 * may run. JSON string literals are valid CEL string literals, so the registry and the pattern
 * are quoted exactly.
 * @example admittedImageExpression('c.image', 'ghcr.io/acme')
 */
export function admittedImageExpression(variable: string, registry: string): string {
  return (
    `${variable}.startsWith(${JSON.stringify(registryPrefix(registry))})` +
    ` && ${variable}.matches(${JSON.stringify(digestPinnedPattern.source)})`
  );
}

import { z } from 'zod';
import { byteQuantityPattern, parseByteQuantity } from './byte-quantity.ts';
import {
  type CallDeclaration,
  callEntrySchema,
  checkCallDeclarations,
  restoreCallDeclarations,
} from './call-declarations.ts';
import { isAnyAddress } from './cidr-prefix.ts';
import {
  cacheDeclarationSchema,
  dataServiceSecrets,
  postgresDeclarationSchema,
} from './data-services.ts';
import { environments } from './environment.ts';
import { objectivesSchema } from './objectives.ts';
import { checkTraffic, trafficSchema } from './schema-traffic.ts';
import { serviceNameSchema } from './service-name.ts';
import { tmpVolumeHeadroom } from './tmp-volume.ts';

export { type Environment, environments } from './environment.ts';
export { serviceNameSchema } from './service-name.ts';

const cpuQuantity = z
  .string()
  .regex(/^(\d+m|\d+(\.\d+)?)$/, "must be a CPU quantity such as '250m' or '1'");
const byteQuantity = z
  .string()
  .regex(byteQuantityPattern, "must be a byte quantity such as '128Mi' or '1Gi'");

/** An environment variable name as POSIX shells and Kubernetes accept it. */
const envVarName = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, 'must be an UPPER_SNAKE_CASE environment variable name');

const configValues = z.record(envVarName, z.string()).default({});

const egressRuleSchema = z.strictObject({
  /** What the destination is, for people and for the generated policy's name. */
  name: serviceNameSchema,
  /** NetworkPolicies match addresses, not host names: the destination's CIDR. */
  cidr: z
    .string()
    .regex(
      /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$|^[0-9a-fA-F:]+\/\d{1,3}$/,
      "must be a CIDR such as '10.20.0.0/16'",
    ),
  ports: z.array(z.number().int().min(1).max(65535)).min(1),
  protocol: z.enum(['TCP', 'UDP']).default('TCP'),
  /** Why this destination must be as wide as it is; required for `0.0.0.0/0` and `::/0`. */
  reason: z.string().trim().min(1, 'must say why the destination must be this wide').optional(),
});

/**
 * What a manifest takes for each setting it leaves out, stated once: the schema's defaults are
 * these, and the service template writes only what differs from them.
 * @example manifestDefaults.replicas // { min: 2, max: 5 }
 */
export const manifestDefaults = {
  replicas: { min: 2, max: 5 },
  autoscaling: { cpuUtilization: 80 },
  resources: {
    requests: { cpu: '100m', memory: '128Mi', ephemeralStorage: '64Mi' },
    limits: { memory: '256Mi', ephemeralStorage: '256Mi' },
  },
  shutdown: { drainSeconds: 5, maxRequestSeconds: 30 },
} as const;

const { replicas, autoscaling, resources, shutdown } = manifestDefaults;

/**
 * The ephemeral-storage limit covers `/tmp` and the container's logs: it must leave `/tmp`
 * room above {@link tmpVolumeHeadroom}, and the request may not exceed it (the API's rule).
 */
function checkEphemeralStorage(
  {
    requests,
    limits,
  }: { requests: { ephemeralStorage: string }; limits: { ephemeralStorage: string } },
  ctx: z.RefinementCtx,
): void {
  const limit = parseByteQuantity(limits.ephemeralStorage) ?? 0;
  const request = parseByteQuantity(requests.ephemeralStorage) ?? 0;
  if (limit <= (parseByteQuantity(tmpVolumeHeadroom) ?? 0))
    ctx.addIssue({
      code: 'custom',
      path: ['resources', 'limits', 'ephemeralStorage'],
      message: `must be more than ${tmpVolumeHeadroom}: /tmp's emptyDir gets this limit minus ${tmpVolumeHeadroom} kept for the container's logs`,
    });
  if (request > limit)
    ctx.addIssue({
      code: 'custom',
      path: ['resources', 'requests', 'ephemeralStorage'],
      message: `must not exceed resources.limits.ephemeralStorage (${limits.ephemeralStorage})`,
    });
}

/** The fields of a manifest, as written. */
const manifestFieldsSchema = z.strictObject({
  /** Service name: DNS-1123 label, also the workspace package name. */
  name: serviceNameSchema,
  description: z.string().min(1).default(''),
  /** The team that owns the service, as a CODEOWNERS handle. */
  owner: z
    .string()
    .regex(/^@[\w.-]+(\/[\w.-]+)?$/, "must be a handle such as '@acme/payments'")
    .optional(),
  /** Container and local-dev port; unique across the repository. */
  port: z.number().int().min(1024).max(65535),
  /** Public services get an HTTPRoute on the environment's Gateway (TLS there); internal ones are reachable only in-cluster. */
  public: z.boolean().default(false),
  /**
   * Services this one calls, each a name or `{ service, timeoutMs?, maxConcurrent?, retry?,
   * breaker? }`; each gets `<NAME>_URL` and `<NAME>_CALL_POLICY` config values.
   */
  calls: z.array(callEntrySchema).default([]),
  /** Services allowed to call this one; ingress is denied to everything else. */
  calledBy: z.array(serviceNameSchema).default([]),
  /** Destinations outside the cluster this service must reach (databases, APIs), each as narrow as it can be. */
  egress: z.array(egressRuleSchema).default([]),
  replicas: z
    .strictObject({
      min: z.number().int().min(2, 'must be at least 2 so a drain never takes the service down'),
      max: z.number().int().min(2),
    })
    .default(replicas),
  autoscaling: z
    .strictObject({
      /** Average CPU use, in percent of the request, that the HPA aims for. */
      cpuUtilization: z.number().int().min(1).max(100).default(autoscaling.cpuUtilization),
      /** Optional average memory use target, in percent of the request. */
      memoryUtilization: z.number().int().min(1).max(100).optional(),
      /** Seconds of lower load before the HPA removes pods; default: `autoscalingBehaviorDefaults`. */
      scaleDownStabilizationSeconds: z.number().int().min(0).max(3600).optional(),
    })
    .default(autoscaling),
  resources: z
    .strictObject({
      requests: z
        .strictObject({
          cpu: cpuQuantity.default(resources.requests.cpu),
          memory: byteQuantity.default(resources.requests.memory),
          ephemeralStorage: byteQuantity.default(resources.requests.ephemeralStorage),
        })
        .default(resources.requests),
      limits: z
        .strictObject({
          cpu: cpuQuantity.optional(),
          memory: byteQuantity.default(resources.limits.memory),
          ephemeralStorage: byteQuantity.default(resources.limits.ephemeralStorage),
        })
        .default(resources.limits),
    })
    .default(resources),
  /** Graceful shutdown timings, shared by the service kit and the Deployment. */
  shutdown: z
    .strictObject({
      /** Seconds the service keeps serving after SIGTERM while endpoints are removed. */
      drainSeconds: z.number().int().min(0).max(120).default(shutdown.drainSeconds),
      /** The longest request the service is expected to serve, in seconds. */
      maxRequestSeconds: z.number().int().min(1).max(600).default(shutdown.maxRequestSeconds),
    })
    .default(shutdown),
  /** Non-secret config values: `default` applies everywhere, an environment overrides it. */
  config: z
    .strictObject({
      default: configValues,
      dev: configValues,
      staging: configValues,
      prod: configValues,
    })
    .default({ default: {}, dev: {}, staging: {}, prod: {} }),
  /** Names of secrets the service needs; values come only from Pulumi config secrets. */
  secrets: z.array(envVarName).default([]),
  /** Its own managed PostgreSQL server per environment, provisioned and wired by the platform. */
  postgres: postgresDeclarationSchema.optional(),
  /** Its own managed cache per environment (Valkey/Redis OSS protocol). */
  cache: cacheDeclarationSchema.optional(),
  /** What it promises (availability, latency); alert rules and its dashboard follow from them. */
  objectives: objectivesSchema.optional(),
  /** How the gateway guards a public service's route (timeout, rate limit, circuit breaker). */
  traffic: trafficSchema.optional(),
});

export const serviceManifestSchema = z
  .preprocess(restoreCallDeclarations, manifestFieldsSchema)
  .superRefine((manifest, ctx) => {
    if (manifest.replicas.max <= manifest.replicas.min) {
      ctx.addIssue({
        code: 'custom',
        path: ['replicas', 'max'],
        message: `must be greater than replicas.min (${manifest.replicas.min}) so the autoscaler can scale`,
      });
    }
    checkEphemeralStorage(manifest.resources, ctx);
    checkTraffic(manifest, ctx);
    checkCallDeclarations(manifest.calls, ctx);
    const callees = manifest.calls.map((declaration) => declaration.service);
    for (const [key, names] of [
      ['calls', callees],
      ['calledBy', manifest.calledBy],
    ] as const) {
      if (names.includes(manifest.name)) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'must not name the service itself' });
      }
    }
    manifest.egress.forEach((rule, i) => {
      if (isAnyAddress(rule.cidr) && rule.reason === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['egress', i, 'cidr'],
          message: `must not open egress to every address without a reason: narrow it to the destination's CIDR, or add egress.${i}.reason saying why it must be open`,
        });
      }
    });
    const secretNames = new Set(manifest.secrets);
    const provided = new Map(dataServiceSecrets(manifest).map((s) => [s.name, s.kind]));
    manifest.secrets.forEach((name, i) => {
      const kind = provided.get(name);
      if (kind)
        ctx.addIssue({
          code: 'custom',
          path: ['secrets', i],
          message: `comes from the declared ${kind}: remove ${name} from secrets (the platform provisions the server and mounts it)`,
        });
    });
    for (const env of ['default', ...environments] as const) {
      for (const name of Object.keys(manifest.config[env])) {
        if (provided.has(name)) {
          ctx.addIssue({
            code: 'custom',
            path: ['config', env, name],
            message: 'is set by the platform from the declared data service: remove it',
          });
        } else if (secretNames.has(name)) {
          ctx.addIssue({
            code: 'custom',
            path: ['config', env, name],
            message: 'is declared in secrets; a secret value never goes into plain config',
          });
        }
      }
    }
  })
  // `calls` stays the callees' names for every consumer; the policies are resolved apart.
  .transform(({ calls, ...manifest }) => ({
    ...manifest,
    calls: calls.map((declaration) => declaration.service),
    /** Each callee's declaration as written (`resolveCallPolicies` fills in the defaults). */
    callDeclarations: Object.fromEntries(
      calls.map((declaration) => [declaration.service, declaration]),
    ) as Readonly<Record<string, CallDeclaration>>,
  }));

/** A validated service manifest, with every default filled in. */
export type ServiceManifest = z.output<typeof serviceManifestSchema>;
/** A service manifest as written in `service.yaml`. */
export type ServiceManifestInput = z.input<typeof manifestFieldsSchema>;

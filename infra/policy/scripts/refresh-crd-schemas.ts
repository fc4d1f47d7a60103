/**
 * Refreshes infra/policy/crd-schemas: the published OpenAPI v3 schema of every custom resource
 * kind the infra programs produce, at the versions infra/platform pins (`crdSchemaSources`).
 * Each upstream Go module is fetched through the Go module proxy (`go mod download -json`), its
 * CustomResourceDefinitions are read, and each served version's `openAPIV3Schema` is written to
 * `crd-schemas/<group>/<version>/<Kind>.json`, descriptions dropped, plus `index.json`.
 *
 * Run: npm run refresh-crd-schemas -w @slipway/infra-policy   (needs `go` on the PATH)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { crdSchemaSources } from '@slipway/infra-platform/versions';
import type { CrdSchemaIndex } from '../src/crd-schemas.ts';

type Module = keyof typeof crdSchemaSources;

/** Where each module keeps the CRDs we store, relative to the module root. */
const crdFiles: Readonly<Record<Module, readonly string[]>> = {
  'sigs.k8s.io/gateway-api': [
    'gatewayclasses',
    'gateways',
    'httproutes',
    'grpcroutes',
    'referencegrants',
    'backendtlspolicies',
    'listenersets',
  ].map((name) => `config/crd/standard/gateway.networking.k8s.io_${name}.yaml`),
  // Helm templates: each file is wrapped in `{{- if .Values.crds.envoyGateway.enabled }}`.
  'github.com/envoyproxy/gateway': [
    'envoyproxies',
    'clienttrafficpolicies',
    'backendtrafficpolicies',
  ].map(
    (name) => `charts/gateway-crds-helm/templates/generated/gateway.envoyproxy.io_${name}.yaml`,
  ),
  'github.com/cert-manager/cert-manager': ['clusterissuers', 'issuers', 'certificates'].map(
    (name) => `deploy/crds/cert-manager.io_${name}.yaml`,
  ),
  'github.com/vmware-tanzu/velero': [
    'schedules',
    'backupstoragelocations',
    'volumesnapshotlocations',
    'backups',
    'restores',
  ].map((name) => `config/crd/v1/bases/velero.io_${name}.yaml`),
  // The kinds the platform and services programs write: scrape targets and alerting rules.
  'github.com/prometheus-operator/prometheus-operator': [
    'podmonitors',
    'servicemonitors',
    'prometheusrules',
  ].map((name) => `example/prometheus-operator-crd/monitoring.coreos.com_${name}.yaml`),
  // The image signature policy the platform's admission writes.
  'github.com/sigstore/policy-controller': ['config/300-clusterimagepolicy.yaml'],
};

interface CrdDocument {
  readonly kind?: string;
  readonly spec?: {
    readonly group: string;
    readonly scope: 'Namespaced' | 'Cluster';
    readonly names: { readonly kind: string };
    readonly versions: readonly {
      readonly name: string;
      readonly served: boolean;
      readonly schema?: { readonly openAPIV3Schema?: unknown };
    }[];
  };
}

const outputFolder = join(dirname(fileURLToPath(import.meta.url)), '..', 'crd-schemas');

function downloadModule(module: string, version: string): string {
  const json = execFileSync('go', ['mod', 'download', '-json', `${module}@${version}`], {
    encoding: 'utf8',
    env: { ...process.env, GOFLAGS: '-mod=mod' },
  });
  const { Dir, Error: error } = JSON.parse(json) as { Dir?: string; Error?: string };
  if (!Dir) throw new Error(`go mod download ${module}@${version}: ${error ?? 'no Dir'}`);
  return Dir;
}

// Descriptions are most of a CRD's bytes and no part of what validation checks.
function withoutDescriptions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDescriptions);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, field]) => !(key === 'description' && typeof field === 'string'))
      .map(([key, field]) => [key, withoutDescriptions(field)]),
  );
}

/**
 * Every object has apiVersion, kind and metadata, and the API server knows them whatever a CRD
 * says; some CRDs (policy-controller's) leave them out of the schema, which the stored,
 * closed schema would then refuse.
 */
function withObjectFields(schema: unknown): unknown {
  const properties = (schema as { properties?: Record<string, unknown> }).properties ?? {};
  return {
    ...(schema as object),
    properties: {
      ...properties,
      ...('apiVersion' in properties ? {} : { apiVersion: { type: 'string' } }),
      ...('kind' in properties ? {} : { kind: { type: 'string' } }),
      ...('metadata' in properties ? {} : { metadata: { type: 'object' } }),
    },
  };
}

function readCrds(path: string): CrdDocument[] {
  const text = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*\{\{.*\}\}\s*$/.test(line))
    .join('\n');
  return parseAllDocuments(text)
    .map((document) => document.toJS() as CrdDocument | null)
    .filter((crd): crd is CrdDocument => crd?.kind === 'CustomResourceDefinition');
}

/** Envoy Gateway must be built against the Gateway API release whose schemas we store. */
function checkGatewayApiPin(envoyGatewayDir: string): void {
  const goMod = readFileSync(join(envoyGatewayDir, 'go.mod'), 'utf8');
  const required = /sigs\.k8s\.io\/gateway-api (v\S+)/.exec(goMod)?.[1];
  const pinned = crdSchemaSources['sigs.k8s.io/gateway-api'];
  if (required !== pinned) {
    throw new Error(
      `Envoy Gateway ${crdSchemaSources['github.com/envoyproxy/gateway']} requires Gateway API ${required}, but gatewayApiVersion is ${pinned}: pin the one it requires`,
    );
  }
}

function main(): void {
  rmSync(outputFolder, { recursive: true, force: true });
  const index: CrdSchemaIndex = {
    generatedBy: 'infra/policy/scripts/refresh-crd-schemas.ts',
    sources: { ...crdSchemaSources },
    kinds: {},
  };
  const kinds: Record<string, CrdSchemaIndex['kinds'][string]> = {};
  for (const [module, version] of Object.entries(crdSchemaSources) as [Module, string][]) {
    const dir = downloadModule(module, version);
    if (module === 'github.com/envoyproxy/gateway') checkGatewayApiPin(dir);
    for (const file of crdFiles[module]) {
      for (const crd of readCrds(join(dir, file))) {
        if (!crd.spec) continue;
        const { group, scope, names } = crd.spec;
        for (const served of crd.spec.versions.filter((v) => v.served)) {
          const schema = served.schema?.openAPIV3Schema;
          if (!schema) throw new Error(`${file}: ${served.name} has no openAPIV3Schema`);
          const relative = `${group}/${served.name}/${names.kind}.json`;
          mkdirSync(dirname(join(outputFolder, relative)), { recursive: true });
          writeFileSync(
            join(outputFolder, relative),
            `${JSON.stringify(withObjectFields(withoutDescriptions(schema)), null, 2)}\n`,
          );
          kinds[`${group}/${served.name}/${names.kind}`] = {
            source: module,
            scope,
            file: relative,
          };
        }
      }
    }
  }
  const sorted = Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(
    join(outputFolder, 'index.json'),
    `${JSON.stringify({ ...index, kinds: sorted }, null, 2)}\n`,
  );
  // The repository's formatter owns JSON layout; without this `biome check` fails on the files.
  execFileSync('npx', ['biome', 'format', '--write', outputFolder], { stdio: 'inherit' });
  console.log(`wrote ${Object.keys(sorted).length} schemas to ${outputFolder}`);
}

main();

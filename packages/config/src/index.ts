export {
  type BaseConfig,
  baseConfigSchema,
  baseConfigShape,
  defineConfigSchema,
  loopbackHost,
  type ServiceDefaults,
  serverDefaults,
} from './base-config.ts';
export { ConfigError, type ConfigProblem } from './config-error.ts';
export { type LoadConfigOptions, loadConfig } from './load-config.ts';
export { type ExitOptions, loadConfigOrExit } from './load-config-or-exit.ts';
export { isSecretField, Secret, secret } from './secret.ts';
export { metricsEndpoint, serverPaths } from './server-paths.ts';

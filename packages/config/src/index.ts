export {
  type BaseConfig,
  baseConfigSchema,
  baseConfigShape,
  defineConfigSchema,
  type ServiceDefaults,
  serverDefaults,
} from './base-config.js';
export { ConfigError, type ConfigProblem } from './config-error.js';
export { type LoadConfigOptions, loadConfig } from './load-config.js';
export { type ExitOptions, loadConfigOrExit } from './load-config-or-exit.js';
export { isSecretField, Secret, secret } from './secret.js';

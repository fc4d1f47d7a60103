import { z } from 'zod';

/**
 * A Kubernetes DNS-1123 label that starts with a letter: it becomes a Service
 * DNS name, a package name, a namespace-scoped object name and an env prefix.
 */
export const serviceNameSchema = z
  .string()
  .max(63, 'must be at most 63 characters (a Kubernetes DNS-1123 label)')
  .regex(
    /^[a-z]([-a-z0-9]*[a-z0-9])?$/,
    "must be a DNS-1123 label: lowercase letters, digits and '-', starting with a letter and not ending with '-'",
  );

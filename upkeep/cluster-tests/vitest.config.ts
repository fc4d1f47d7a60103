import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// Unit tests of the suite's own helpers: no cluster, no binaries.
export default defineConfig(sharedTestConfig);

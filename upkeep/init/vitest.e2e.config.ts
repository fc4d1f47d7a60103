import { defineConfig } from 'vitest/config';
import { e2eTestConfig } from '../../vitest.shared.ts';

export default defineConfig(e2eTestConfig);

import { defineConfig } from 'vitest/config';
import { processTestConfig } from '../../vitest.shared.ts';

export default defineConfig(processTestConfig);

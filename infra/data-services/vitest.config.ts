import { defineConfig } from 'vitest/config';
import { programTestConfig } from '../../vitest.shared.ts';

export default defineConfig(programTestConfig);

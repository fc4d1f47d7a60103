import type { veleroPluginImages } from './versions.ts';

/** The clouds Velero stores backups in and snapshots volumes on: those it has a plugin for. */
export type BackupProvider = keyof typeof veleroPluginImages;

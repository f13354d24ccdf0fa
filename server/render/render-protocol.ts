// Messages between the snapshot service (main thread) and the render worker.
import type { Dashboard } from '../dashboard/schema.ts';
import type { Snapshot, SnapshotOptions } from './snapshot.ts';

export type WorkerSnapshot = Omit<Snapshot, 'svg'>;

export interface RenderRequest {
  id: number;
  doc: Dashboard;
  options: SnapshotOptions;
}

export type RenderReply =
  | { id: number; ok: true; snapshot: WorkerSnapshot }
  /** `broken`: the worker cannot draw again (resvg's WebAssembly panicked and stays unusable); replace it. */
  | { id: number; ok: false; code: string; message: string; broken?: boolean };

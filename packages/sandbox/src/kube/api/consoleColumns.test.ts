import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../objects/types.ts';
import { tableOf } from './tables.ts';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const meta = (name: string, namespace?: string) => ({
  name,
  ...(namespace ? { namespace } : {}),
  uid: `uid-${name}`,
  resourceVersion: '7',
  creationTimestamp: '2026-12-01T12:00:00Z',
});

const cellsOf = (kind: string, objects: KubeObject[]) => {
  const table = tableOf(kind, objects, { now: NOW, include: 'Metadata', listMeta: {} }) as {
    columnDefinitions: Array<{ name: string }>;
    rows: Array<{ cells: unknown[] }>;
  };
  return {
    table,
    columns: table.columnDefinitions.map((column) => column.name),
    cells: table.rows.map((row) => row.cells),
  };
};

describe('Table columns of the kinds consoles read', () => {
  it('prints a secret as type and key count, never its values', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta('db', 'payments'),
      type: 'Opaque',
      data: {
        username: Buffer.from('app').toString('base64'),
        password: Buffer.from('hunter2-s3cret').toString('base64'),
      },
    } as KubeObject;
    const { table, columns, cells } = cellsOf('Secret', [secret]);
    expect(columns).toEqual(['Name', 'Type', 'Data', 'Age']);
    expect(cells).toEqual([['db', 'Opaque', 2, '2d']]);
    const text = JSON.stringify(table);
    expect(text).not.toContain(Buffer.from('hunter2-s3cret').toString('base64'));
    expect(text).not.toContain('hunter2');
  });

  it('prints PDBs, endpoints and storage classes as kubectl does', () => {
    const pdb = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: meta('web', 'shop'),
      spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } },
      status: { disruptionsAllowed: 1 },
    } as KubeObject;
    expect(cellsOf('PodDisruptionBudget', [pdb]).cells).toEqual([['web', '2', 'N/A', 1, '2d']]);
    const endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta('web', 'shop'),
      subsets: [
        {
          addresses: ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'].map((ip) => ({ ip })),
          ports: [{ port: 8080 }],
        },
      ],
    } as KubeObject;
    expect(cellsOf('Endpoints', [endpoints]).cells[0]![1]).toBe(
      '10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 1 more...',
    );
    const gp2 = {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        ...meta('gp2'),
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      },
      provisioner: 'kubernetes.io/aws-ebs',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    } as KubeObject;
    expect(cellsOf('StorageClass', [gp2]).cells).toEqual([
      ['gp2 (default)', 'kubernetes.io/aws-ebs', 'Delete', 'WaitForFirstConsumer', false, '2d'],
    ]);
  });
});

export * from './common.ts';
export * from './session.ts';
export * from './clusters.ts';
export * from './sources.ts';
export * from './compute.ts';
export * from './audit.ts';
export * from './lifecycle.ts';
export * from './dashboard.ts';

export * from './common.ts';
export * from './session.ts';
export * from './clusters.ts';
export * from './sources.ts';

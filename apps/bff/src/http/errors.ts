// Moved to src/errors.ts (services throw them; only the HTTP layer turns them into problem+json).
// Kept for branches in flight; import from '../errors.ts'.
export * from '../errors.ts';

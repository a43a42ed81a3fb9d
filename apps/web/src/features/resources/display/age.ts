const STEPS: [number, string][] = [
  [365 * 24 * 3600, 'y'],
  [24 * 3600, 'd'],
  [3600, 'h'],
  [60, 'm'],
];

/** A resource's age as kubectl's AGE column prints it: "45s", "12m", "3h", "5d", "2y". */
export function formatAge(iso: string | undefined, now: number = Date.now()): string {
  if (!iso) return '—';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '—';
  const seconds = Math.max(0, Math.floor((now - time) / 1000));
  for (const [size, unit] of STEPS)
    if (seconds >= size) return `${Math.floor(seconds / size)}${unit}`;
  return `${seconds}s`;
}

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

const trim = (value: number, digits: number) => String(Number(value.toFixed(digits)));

/** CPU as people read it: "250m" below one core, "1.25 cores" above. */
export function formatCpu(millis: number): string {
  if (millis < 1000) return `${Math.round(millis)}m`;
  return `${trim(millis / 1000, 2)} cores`;
}

/** CPU in cores without the unit (a cell adds it once): "0.25", "1.93". */
export function formatCores(millis: number): string {
  return trim(millis / 1000, 2);
}

/** Memory in GiB without the unit (a cell adds it once): "0.5", "14.5". */
export function formatGib(bytes: number): string {
  return trim(bytes / GIB, 1);
}

/** Memory in binary units: "512 MiB", "7.5 GiB". */
export function formatMemory(bytes: number): string {
  if (bytes >= GIB) return `${trim(bytes / GIB, 1)} GiB`;
  return `${trim(bytes / MIB, 0)} MiB`;
}

/** Whole percent of `part` in `whole`; 0 when there is no whole. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}
